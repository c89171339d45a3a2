package io.cessio.invoices;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import io.cessio.ledger.Ledger;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/**
 * The remittance journey across roles in headless Chromium, on the demo data: ALPHA's
 * user imports a CSV of the three invoices of DOMAIN.md §3.3 and one Factur-X file,
 * submits them, downloads the quittance and a notification letter; a first analyst
 * approves three (one by override) and rejects one; the remittance is above ALPHA's
 * four-eyes threshold, so a second analyst confirms it; ALPHA sees the decisions and the
 * fees of §3.3 (84,24 €) in the books. Screenshots in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cessio.database.create-if-missing=false")
@ActiveProfiles("demo")
@Import(TestcontainersConfiguration.class)
@ExtendWith(LedgerInvariantsCheck.class)
class RemittanceJourneyIT extends DemoBrowserJourney {

	static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Test
	void aRemittanceGoesFromImportToPurchaseThroughTwoAnalysts() throws IOException {
		String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		UUID alpha = jdbc.sql("select id from company where siren = '123456782'").query(UUID.class).single();
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
		LocalDate issued = today.minusDays(3);
		LocalDate due = issued.plusDays(58);

		// the company imports its invoices
		signIn("alpha");
		page.navigate(url("/companies/" + alpha + "/invoices"));
		String csv = "numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc\n"
				+ line("F1-" + run, "552109878", issued, due, "10 000,00", "2 000,00", "12 000,00")
				+ line("F2-" + run, "403123458", issued, due, "5 000,00", "1 000,00", "6 000,00")
				+ line("F3-" + run, "888777661", issued, due, "2 000,00", "400,00", "2 400,00");
		page.locator("[data-testid=csv-import] input[type=file]")
			.setInputFiles(new FilePayload("factures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.locator("[data-testid=csv-import] button").click();
		assertThat(page.locator(".alert-success")).containsText("3 facture(s)");

		String facturXNumber = "FX-" + run;
		org.mustangproject.Invoice eInvoice = EInvoiceFixtures.anInvoice("123456782", "888777661", facturXNumber)
			.setIssueDate(java.sql.Date.valueOf(issued))
			.setDeliveryDate(java.sql.Date.valueOf(issued))
			.setDueDate(java.sql.Date.valueOf(due));
		page.locator("[data-testid=einvoice-import] input[type=file]")
			.setInputFiles(new FilePayload("facture-x.pdf", "application/pdf", EInvoiceFixtures.facturX(eInvoice)));
		page.locator("[data-testid=einvoice-import] button").click();
		assertThat(page.getByTestId("invoice-number")).containsText(facturXNumber);
		assertThat(page.getByTestId("creditor-reference")).containsText("RF");
		assertThat(page.getByTestId("subrogation-mention")).containsText("Cessio Factor SA");
		BrowserSupport.screenshot(page, "remittance-1-einvoice");

		page.navigate(url("/companies/" + alpha + "/invoices"));
		for (String number : List.of("F1-" + run, "F2-" + run, "F3-" + run, facturXNumber)) {
			page.getByTestId("select-" + number).check();
		}
		BrowserSupport.screenshot(page, "remittance-2-selection");
		page.getByTestId("submit-remittance").click();
		assertThat(page.getByTestId("remittance-status")).hasText("En examen");
		assertThat(page.getByTestId("control-total")).containsText("22\u202F800,00\u00A0€");
		String remittanceUrl = page.url();
		String remittanceNumber = page.getByTestId("remittance-number").textContent().replace("Bordereau ", "").strip();
		BrowserSupport.screenshot(page, "remittance-3-submitted");

		// the quittance and a notification letter are real PDFs with the right figures
		String quittance = pdfText(page.waitForDownload(() -> page.getByTestId("download-quittance").click()));
		assertThat(quittance).contains(remittanceNumber, "F1-" + run, "F2-" + run, "F3-" + run, facturXNumber,
				"12 000,00", "6 000,00", "2 400,00", "22 800,00", "552 109 878", "Bon pour subrogation");
		String dedicatedIban = jdbc.sql("select iban from dedicated_account where company_id = ?")
			.param(alpha)
			.query(String.class)
			.single();
		String letter = pdfText(page.waitForDownload(() -> page.getByTestId("letter-552109878").click()));
		assertThat(letter).contains(Iban.of(dedicatedIban).formatted(), "BETA SA", "ALPHA SAS", "subrogation");
		signOut();

		// the first analyst: one override, two approvals, one rejection; four eyes needed
		signIn("analyste1");
		page.navigate(url("/reviews"));
		page.locator("[data-number='" + remittanceNumber + "'] a").click();
		assertThat(page.locator("[data-item='F1-" + run + "'] [data-check=CONCENTRATION_EXCEEDED]")).isVisible();
		assertThat(page.getByTestId("four-eyes")).isVisible();
		BrowserSupport.screenshot(page, "remittance-4-review");
		page.getByTestId("approve-F1-" + run).click();
		assertThat(page.locator(".alert-danger")).containsText("justification");
		page.getByTestId("justification-F1-" + run).fill("Portefeuille en démarrage : BETA est un client historique");
		page.getByTestId("approve-F1-" + run).click();
		page.getByTestId("approve-F2-" + run).click();
		page.getByTestId("approve-F3-" + run).click();
		page.getByTestId("reason-" + facturXNumber).fill("Doublon de la prestation facturée en F3");
		page.getByTestId("reject-" + facturXNumber).click();
		page.getByTestId("complete-review").click();
		assertThat(page.getByTestId("review-status")).hasText("En attente d’un second analyste");
		page.getByTestId("confirm-review").click();
		assertThat(page.locator(".alert-danger")).containsText("Quatre yeux");
		BrowserSupport.screenshot(page, "remittance-5-four-eyes");
		signOut();

		// the second analyst confirms: the approved items are purchased
		signIn("analyste2");
		page.navigate(url("/reviews/" + remittanceUrl.substring(remittanceUrl.lastIndexOf('/') + 1)));
		page.getByTestId("confirm-review").click();
		assertThat(page.getByTestId("review-status")).hasText("Acheté");
		signOut();

		// the company sees every decision and the fees of DOMAIN.md §3.3
		signIn("alpha");
		page.navigate(remittanceUrl);
		assertThat(page.getByTestId("remittance-status")).hasText("Acheté");
		assertThat(page.locator("[data-number='F1-" + run + "'] [data-testid=item-decision]")).containsText("Achetée");
		assertThat(page.locator("[data-number='" + facturXNumber + "'] [data-testid=item-decision]"))
			.containsText("Refusée — Doublon de la prestation facturée en F3");
		assertThat(page.getByTestId("purchase-fees")).containsText("61,20\u00A0€");
		assertThat(page.getByTestId("purchase-fees")).containsText("9,00\u00A0€");
		assertThat(page.getByTestId("purchase-fees")).containsText("84,24\u00A0€");
		BrowserSupport.screenshot(page, "remittance-6-purchased");

		// why is the availability what it is: every line, and the invoices behind each
		page.navigate(url("/companies/" + alpha + "/availability"));
		assertThat(page.getByTestId("line-outstanding")).containsText("20\u202F400,00\u00A0€");
		assertThat(page.getByTestId("line-OVER_CONCENTRATION")).isVisible();
		assertThat(page.getByTestId("detail-OVER_CONCENTRATION")).containsText("F1-" + run);
		BrowserSupport.screenshot(page, "remittance-7-availability");

		// the purchase entry in the books, and the books balance
		Map<String, BigDecimal> purchase = jdbc.sql("""
				select a.code || ':' || p.side as line, sum(p.amount) as amount
				from journal_entry e join posting p on p.entry_id = e.id join ledger_account a on a.id = p.account_id
				where e.source_type = 'PURCHASE' and e.source_ref = ? group by a.code, p.side""")
			.param(remittanceNumber)
			.query((rs, n) -> Map.entry(rs.getString("line"), rs.getBigDecimal("amount")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(purchase).containsEntry("RECEIVABLES:D", new BigDecimal("20400.00"))
			.containsEntry("CLIENT_CURRENT_ACCOUNT:C", new BigDecimal("20400.00"))
			.containsEntry("CLIENT_CURRENT_ACCOUNT:D", new BigDecimal("84.24"))
			.containsEntry("COMMISSION_INCOME:C", new BigDecimal("61.20"))
			.containsEntry("INVOICE_FEE_INCOME:C", new BigDecimal("9.00"))
			.containsEntry("VAT_COLLECTED:C", new BigDecimal("14.04"));
		assertThat(ledger.trialBalance(LocalDate.of(2100, 1, 1)).total()).isEqualTo(Money.eur("0.00"));
	}

	private static String line(String number, String siren, LocalDate issued, LocalDate due, String excl, String vat,
			String incl) {
		return String.join(";", number, "FACTURE", siren, FRENCH.format(issued), FRENCH.format(due), excl, vat, incl)
				+ "\n";
	}

	private static String pdfText(Download download) throws IOException {
		Path file = download.path();
		byte[] bytes = Files.readAllBytes(file);
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(document).replace('\u202F', ' ').replace('\u00A0', ' ');
		}
	}

}
