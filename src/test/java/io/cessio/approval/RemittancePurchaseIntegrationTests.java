package io.cessio.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.TestClock;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.FourEyesRequired;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceStatus;
import io.cessio.invoices.InvoicesPurchased;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceManagement;
import io.cessio.invoices.RemittanceStatus;
import io.cessio.invoices.RemittanceView;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;

/**
 * The remittance of DOMAIN.md §3.3 from submission to purchase through the application's
 * services, on 03/03/2026: every figure of the purchase asserted to the cent.
 */
@CessioIntegrationTest
@RecordApplicationEvents
class RemittancePurchaseIntegrationTests {

	static final LocalDate PURCHASE_DAY = LocalDate.of(2026, 3, 3);

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	RemittanceManagement remittances;

	@Autowired
	Ledger ledger;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Acting acting;

	@BeforeEach
	void onTheDayOfTheReferencePurchase() {
		clock.travelTo(PURCHASE_DAY);
		acting = fixtures.acting();
	}

	@AfterEach
	void backToToday() {
		clock.reset();
	}

	/** The reference contract: standard terms, concentration not limiting here. */
	static ContractTerms referenceTerms() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(), Rate.ofPercent("100"),
				standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), true);
	}

	@Test
	void purchasesTheReferenceRemittanceWithItsFeesInTheLedger(ApplicationEvents events) {
		Client alpha = fixtures.aClient(referenceTerms());
		List<InvoiceId> items = referenceInvoices(alpha);
		RemittanceId remittance = fixtures.submit(alpha, items);

		RemittanceView submitted = acting.as(alpha.user(), () -> remittances.find(remittance));
		assertThat(submitted.controlTotal()).isEqualTo(Money.eur("20400.00"));
		assertThat(submitted.invoiceCount()).isEqualTo(3);

		ReviewSheet sheet = acting.as(alpha.analyst(), () -> desk.review(remittance));
		assertThat(sheet.lines()).allSatisfy(line -> assertThat(line.findings()).isEmpty());
		assertThat(sheet.fourEyes()).isFalse();

		RemittanceStatus status = acting.as(alpha.analyst(), () -> {
			assertThat(desk.approveAllEligible(remittance)).isEqualTo(3);
			return desk.complete(remittance);
		});

		assertThat(status).isEqualTo(RemittanceStatus.PURCHASED);
		RemittanceView purchased = acting.as(alpha.user(), () -> remittances.find(remittance));
		assertThat(purchased.purchasedOn()).isEqualTo(PURCHASE_DAY);
		assertThat(purchased.commission()).isEqualTo(Money.eur("61.20"));
		assertThat(purchased.invoiceFees()).isEqualTo(Money.eur("9.00"));
		assertThat(purchased.vatOnFees()).isEqualTo(Money.eur("14.04"));
		assertThat(purchased.feesInclVat()).isEqualTo(Money.eur("84.24"));
		assertThat(acting.as(alpha.user(), () -> remittances.itemsOf(remittance)))
			.allSatisfy(item -> assertThat(item.status()).isEqualTo(InvoiceStatus.PURCHASED));

		String key = alpha.company().toString();
		assertThat(ledger.balance(AccountRef.of(AccountCode.RECEIVABLES, key), PURCHASE_DAY))
			.isEqualTo(Money.eur("20400.00"));
		assertThat(ledger.balance(AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT, key), PURCHASE_DAY))
			.isEqualTo(Money.eur("20315.76"));
		assertThat(ledger.fundsInUse(key, PURCHASE_DAY)).isEqualTo(Money.eur("84.24"));
		assertThat(ledger.trialBalance(PURCHASE_DAY).total()).isEqualTo(Money.eur("0.00"));

		List<InvoicesPurchased> published = events.stream(InvoicesPurchased.class)
			.filter(event -> event.remittanceId().equals(remittance))
			.toList();
		assertThat(published).singleElement().satisfies(event -> {
			assertThat(event.purchasedOn()).isEqualTo(PURCHASE_DAY);
			assertThat(event.totalInvoices()).isEqualTo(Money.eur("20400.00"));
			assertThat(event.feesInclVat()).isEqualTo(Money.eur("84.24"));
			assertThat(event.invoices()).hasSize(3);
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql("""
					select count(*) from event_publication_archive
					where event_type = ? and serialized_event like ? and completion_date is not null
					  and listener_id like '%PurchasedEventsProbe%'""")
				.param(InvoicesPurchased.class.getName())
				.param("%" + remittance.value() + "%")
				.query(Long.class)
				.single()).as("published through the event publication registry and completed by its listener")
				.isEqualTo(1L));
	}

	@Test
	void aRemittanceAboveTheThresholdNeedsASecondAnalyst() {
		ContractTerms reference = referenceTerms();
		ContractTerms lowThreshold = new ContractTerms(reference.advanceRate(), reference.commissionRate(),
				reference.perInvoiceFee(), reference.feeVatRate(), reference.financingMargin(),
				reference.facilityLimit(), reference.concentrationLimit(), reference.defundingDays(),
				reference.maxTermDays(), Money.eur("10000.00"), true);
		Client alpha = fixtures.aClient(lowThreshold);
		RemittanceId remittance = fixtures.submit(alpha, referenceInvoices(alpha));
		String secondAnalyst = fixtures.anAnalyst();

		RemittanceStatus afterFirst = acting.as(alpha.analyst(), () -> {
			desk.approveAllEligible(remittance);
			return desk.complete(remittance);
		});
		assertThat(afterFirst).isEqualTo(RemittanceStatus.AWAITING_SECOND_ANALYST);
		assertThat(ledger.balance(AccountRef.of(AccountCode.RECEIVABLES, alpha.company().toString()), PURCHASE_DAY))
			.as("nothing is purchased before the second analyst")
			.isEqualTo(Money.eur("0.00"));

		assertThatThrownBy(() -> acting.run(alpha.analyst(), () -> desk.confirm(remittance)))
			.isInstanceOf(FourEyesRequired.class);

		assertThat(acting.as(secondAnalyst, () -> desk.confirm(remittance))).isEqualTo(RemittanceStatus.PURCHASED);
		RemittanceView purchased = acting.as(alpha.user(), () -> remittances.find(remittance));
		assertThat(purchased.reviewedBy()).isEqualTo(alpha.analyst());
		assertThat(purchased.secondAnalyst()).isEqualTo(secondAnalyst);
		assertThat(purchased.feesInclVat()).isEqualTo(Money.eur("84.24"));
	}

	@Test
	void approvingAnItemThatFailsAChecksNeedsAJustificationKeptInTheAuditTrail() {
		Client alpha = fixtures.aClient(ContractTerms.standard());
		DebtorId beta = fixtures.anApprovedDebtor(alpha, "BETA SA", Siren.of("552109878"), Money.eur("5000.00"));
		InvoiceId f1 = fixtures.anInvoice(alpha, beta, "F1", LocalDate.of(2026, 2, 27), LocalDate.of(2026, 4, 28),
				"12000.00");
		RemittanceId remittance = fixtures.submit(alpha, List.of(f1));

		ReviewSheet sheet = acting.as(alpha.analyst(), () -> desk.review(remittance));
		assertThat(sheet.line(f1).failedCodes()).containsExactly("APPROVAL_LIMIT_EXCEEDED", "CONCENTRATION_EXCEEDED");

		assertThatThrownBy(() -> acting.run(alpha.analyst(), () -> desk.approve(f1, " ")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("justification");
		acting.run(alpha.analyst(),
				() -> desk.approve(f1, "Agrément en cours de relèvement, garantie de la maison mère"));

		assertThat(jdbc.sql("select summary from audit_event where action = 'ELIGIBILITY_OVERRIDDEN' and entity_id = ?")
			.param(f1.value().toString())
			.query(String.class)
			.single()).contains("APPROVAL_LIMIT_EXCEEDED").contains("garantie de la maison mère");
	}

	@Test
	void aRejectionNeedsAReasonAndANothingApprovedRemittanceIsRejectedWhole() {
		Client alpha = fixtures.aClient(referenceTerms());
		DebtorId gamma = fixtures.anApprovedDebtor(alpha, "GAMMA SARL", Siren.of("403123458"), Money.eur("50000.00"));
		InvoiceId f2 = fixtures.anInvoice(alpha, gamma, "F2", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 15),
				"6000.00");
		RemittanceId remittance = fixtures.submit(alpha, List.of(f2));

		assertThatThrownBy(() -> acting.run(alpha.analyst(), () -> desk.reject(f2, null, "")))
			.isInstanceOf(IllegalArgumentException.class);
		RemittanceStatus status = acting.as(alpha.analyst(), () -> {
			desk.reject(f2, "OTHER", "Bon de livraison manquant");
			return desk.complete(remittance);
		});

		assertThat(status).isEqualTo(RemittanceStatus.REJECTED);
		assertThat(acting.as(alpha.user(), () -> remittances.itemsOf(remittance))).singleElement()
			.satisfies(item -> assertThat(item.decision().reason()).isEqualTo("Bon de livraison manquant"));
		assertThat(ledger.balance(AccountRef.of(AccountCode.RECEIVABLES, alpha.company().toString()), PURCHASE_DAY))
			.isEqualTo(Money.eur("0.00"));
	}

	private List<InvoiceId> referenceInvoices(Client alpha) {
		DebtorId beta = fixtures.anApprovedDebtor(alpha, "BETA SA", Siren.of("552109878"), Money.eur("50000.00"));
		DebtorId gamma = fixtures.anApprovedDebtor(alpha, "GAMMA SARL", Siren.of("403123458"), Money.eur("50000.00"));
		DebtorId delta = fixtures.anApprovedDebtor(alpha, "DELTA SAS", Siren.of("888777661"), Money.eur("50000.00"));
		return List.of(
				fixtures.anInvoice(alpha, beta, "F1", LocalDate.of(2026, 2, 27), LocalDate.of(2026, 4, 28), "12000.00"),
				fixtures.anInvoice(alpha, gamma, "F2", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 15), "6000.00"),
				fixtures.anInvoice(alpha, delta, "F3", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), "2400.00"));
	}

}
