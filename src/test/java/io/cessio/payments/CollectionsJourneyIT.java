package io.cessio.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.cessio.BrowserSupport;
import io.cessio.DemoBrowserJourney;
import io.cessio.LedgerInvariantsCheck;
import io.cessio.TestcontainersConfiguration;
import io.cessio.banking.StatementFiles;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.shared.Money;

/**
 * Money across roles in headless Chromium, on the demo data: ALPHA remits an invoice to
 * GAMMA, an analyst approves it, operations execute the payout (the dedicated account
 * shows it), ALPHA withdraws part of it, operations import the bank's camt.053 with
 * GAMMA's payment — matched automatically — and run the sweep; ALPHA sees the reserve the
 * payment released paid back. Screenshots in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cessio.database.create-if-missing=false")
@ActiveProfiles("demo")
@Import(TestcontainersConfiguration.class)
@ExtendWith(LedgerInvariantsCheck.class)
class CollectionsJourneyIT extends DemoBrowserJourney {

	static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Test
	void aDebtorsPaymentIsMatchedSweptAndReleasesTheReserve() {
		String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		String number = "J-" + run;
		UUID alpha = jdbc.sql("select id from company where siren = '123456782'").query(UUID.class).single();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

		// the company remits an invoice to GAMMA
		signIn("alpha");
		page.navigate(url("/companies/" + alpha + "/invoices"));
		String csv = "numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc\n"
				+ String.join(";", number, "FACTURE", "403123458", FRENCH.format(today.minusDays(2)),
						FRENCH.format(today.plusDays(45)), "2 500,00", "500,00", "3 000,00")
				+ "\n";
		page.locator("[data-testid=csv-import] input[type=file]")
			.setInputFiles(new FilePayload("facture.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.locator("[data-testid=csv-import] button").click();
		assertThat(page.locator(".alert-success")).containsText("1 facture(s)");
		page.getByTestId("select-" + number).check();
		page.getByTestId("submit-remittance").click();
		assertThat(page.getByTestId("remittance-status")).hasText("En examen");
		String remittanceNumber = page.getByTestId("remittance-number").textContent().replace("Bordereau ", "").strip();
		signOut();

		// the analyst approves it (justifying it if a check fails, e.g. the
		// concentration of the demo portfolio)
		signIn("analyste1");
		page.navigate(url("/reviews"));
		page.locator("[data-number='" + remittanceNumber + "'] a").click();
		if (page.getByTestId("justification-" + number).count() > 0) {
			page.getByTestId("justification-" + number).fill("Débiteur historique, encours suivi de près");
		}
		page.getByTestId("approve-" + number).click();
		page.getByTestId("complete-review").click();
		assertThat(page.getByTestId("review-status")).hasText("Acheté");
		BrowserSupport.screenshot(page, "collections-1-purchased");
		signOut();

		// operations execute the payout requested after the purchase
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("select count(*) from payout where company_id = ? and kind = 'AFTER_PURCHASE'"
						+ " and requested_at > now() - interval '5 minutes'")
				.param(alpha)
				.query(Long.class)
				.single() > 0);
		signIn("ops");
		page.navigate(url("/ops/payouts"));
		page.getByTestId("run-payouts").click();
		assertThat(page.getByTestId("pending-payouts").locator("tbody tr")).hasCount(0);
		signOut();

		// the dedicated account shows the payout; the company withdraws part of it
		signIn("alpha");
		page.locator("nav a", new Page.LocatorOptions().setHasText("Compte dédié")).click();
		assertThat(page.getByTestId("movements")).containsText("Financement");
		BrowserSupport.screenshot(page, "collections-2-payout");
		page.locator("main a", new Page.LocatorOptions().setHasText("Virer vers mon compte")).click();
		page.locator("#amount").fill("100,00");
		page.locator("main button[type=submit]").click();
		assertThat(page.getByTestId("withdrawal-receipt")).containsText("CESSIO-W-");
		signOut();

		// the bank's end-of-day statement brings GAMMA's payment; operations import it
		String iban = jdbc.sql("select iban from dedicated_account where company_id = ?")
			.param(alpha)
			.query(String.class)
			.single();
		Money cash = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, alpha.toString()));
		byte[] statement = StatementFiles.camt053v08("MSG-JOURNEY-" + run,
				StatementFiles.aStatement(iban)
					.opening(cash.amount().toPlainString(), today)
					.credit(StatementFiles.credit("3000.00")
						.bookedOn(today)
						.valueDate(today)
						.payer("GAMMA SARL", "FR7630004000031234567890143")
						.remittance("REGLEMENT FACTURE " + number)));
		signIn("ops");
		page.navigate(url("/ops/statements"));
		page.getByTestId("statement-file")
			.setInputFiles(new FilePayload("releve-" + today + ".xml", "application/xml", statement));
		page.getByTestId("import-statement").click();
		assertThat(page.locator(".alert-success")).containsText("1 lettré(s)");
		assertThat(page.getByTestId("statement-imports").locator("tbody tr").first()).containsText("1 / 1 (100 %)");
		BrowserSupport.screenshot(page, "collections-3-statement");

		// the sweep takes GAMMA's payment to the factor
		page.navigate(url("/ops/sweeps"));
		page.getByTestId("run-sweep").click();
		assertThat(page.getByTestId("sweep-lines")).containsText("ALPHA SAS");
		BrowserSupport.screenshot(page, "collections-4-sweep");
		page.getByTestId("sweep-lines")
			.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("ALPHA SAS"))
			.locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Factures"))
			.click();
		assertThat(page.getByTestId("swept-invoices")).containsText(number);
		assertThat(page.getByTestId("swept-invoices")).containsText("3\u202F000,00\u00A0€");
		signOut();
		org.assertj.core.api.Assertions
			.assertThat(
					ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, alpha.toString())))
			.as("nothing left for the factor in ALPHA's dedicated account")
			.isEqualTo(Money.eur("0.00"));

		// the reserve the payment released is paid back (automatic refund after the
		// sweep)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from payout where company_id = ? and kind = 'RESERVE_REFUND'")
				.param(alpha)
				.query(Long.class)
				.single() > 0);
		signIn("alpha");
		page.navigate(url("/companies/" + alpha + "/availability"));
		assertThat(page.getByTestId("payouts")).containsText("Reversement de réserve");
		BrowserSupport.screenshot(page, "collections-5-reserve-released");
		BigDecimal refunded = jdbc.sql(
				"select amount from payout where company_id = ? and kind = 'RESERVE_REFUND' order by requested_at desc limit 1")
			.param(alpha)
			.query(BigDecimal.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(refunded).isPositive();
	}

}
