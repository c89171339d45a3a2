package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.TestClock;
import io.cessio.approval.ApprovalDesk;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.funding.Availability;
import io.cessio.funding.FinancingCharges;
import io.cessio.funding.FundingManagement;
import io.cessio.funding.PayoutKind;
import io.cessio.funding.PayoutRunner;
import io.cessio.funding.PayoutStatus;
import io.cessio.funding.PayoutView;
import io.cessio.funding.ReferenceRates;
import io.cessio.invoices.Disputes;
import io.cessio.invoices.DisputeStatus;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceStatus;
import io.cessio.invoices.RemittanceId;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;
import io.cessio.sweep.SweepManagement;
import io.cessio.sweep.SweepLineView;

/**
 * The whole reference scenario of DOMAIN.md §3.3, to 31/05/2026, through the
 * application's services with the clock moved day by day and the debtors' payments
 * arriving in camt.053 statements of ALPHA's dedicated account: GAMMA pays F2 (15/04),
 * the draw of 547,79 (16/04), DELTA pays 2 000 on F3 and disputes 400 (30/04), the credit
 * note AV-0001 closes F3 (06/05), BETA pays F1 late (20/05), the charges 52,21 / 45,36 /
 * 20,50 and the final refund of 974,14 — every figure of the timeline to the cent.
 */
@CessioIntegrationTest
class CollectionsReferenceScenarioTests {

	static final LocalDate PURCHASE_DAY = LocalDate.of(2026, 3, 3);

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	Disputes disputes;

	@Autowired
	FundingManagement funding;

	@Autowired
	PayoutRunner payoutRunner;

	@Autowired
	FinancingCharges charges;

	@Autowired
	ReferenceRates rates;

	@Autowired
	DedicatedAccounts dedicatedAccounts;

	@Autowired
	StatementScenario statements;

	@Autowired
	SweepManagement sweeps;

	@Autowired
	Ledger ledger;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Acting acting;

	String ops;

	Client alpha;

	@BeforeEach
	void onTheDayOfThePurchase() {
		acting = fixtures.acting();
		accounts.ensureFactor();
		ops = accounts.aUser(Role.OPS);
		acting.run(accounts.aUser(Role.ADMIN), () -> rates.set(LocalDate.of(2026, 1, 1), Rate.ofPercent("2.03")));
		clock.travelTo(PURCHASE_DAY, LocalTime.of(9, 0));
	}

	@AfterEach
	void backToToday() {
		clock.reset();
	}

	@Test
	void theWholeReferenceScenarioToTheEndOfMayToTheCent() {
		// the refunds of the timeline are a draw on 16/04 and the refund after the May
		// charge: no automatic refund after each sweep
		alpha = fixtures.aClient(referenceTerms().withAutoRefund(false));
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, alpha.company());
		// the factor's income account is shared: other tests of the run may have charged
		// other companies before
		Money financingIncomeBefore = ledger.balance(AccountRef.factor(AccountCode.FINANCING_INCOME),
				LocalDate.of(2026, 5, 31));
		DebtorId beta = fixtures.anApprovedDebtor(alpha, "BETA SA", Siren.of("552109878"), Money.eur("50000.00"));
		DebtorId gamma = fixtures.anApprovedDebtor(alpha, "GAMMA SARL", Siren.of("403123458"), Money.eur("50000.00"));
		DebtorId delta = fixtures.anApprovedDebtor(alpha, "DELTA SAS", Siren.of("888777661"), Money.eur("50000.00"));
		InvoiceId f1 = fixtures.anInvoice(alpha, beta, "F1", LocalDate.of(2026, 2, 27), LocalDate.of(2026, 4, 28),
				"12000.00");
		InvoiceId f2 = fixtures.anInvoice(alpha, gamma, "F2", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 15),
				"6000.00");
		InvoiceId f3 = fixtures.anInvoice(alpha, delta, "F3", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
				"2400.00");
		purchase(List.of(f1, f2, f3));

		// 03/03: purchase, fees 84,24; payout of 18 275,76 by the payout job
		expect(PURCHASE_DAY, "20400.00", "20400.00", "84.24", "18275.76");
		PayoutView firstPayout = awaitPayouts(1).get(0);
		assertThat(firstPayout.kind()).isEqualTo(PayoutKind.AFTER_PURCHASE);
		clock.travelTo(PURCHASE_DAY, LocalTime.of(9, 5));
		acting.run(ops, () -> payoutRunner.runDuePayouts());
		expect(PURCHASE_DAY, "20400.00", "20400.00", "18360.00", "0.00");
		// the bank's statement of 03/03 shows the payout: reconciled, no money moves
		// twice
		ImportOutcome march3 = statements.importStatement(ops, alpha, PURCHASE_DAY,
				StatementScenario.ownPayout(PURCHASE_DAY, "18275.76", payoutEndToEnd()));
		assertThat(march3.imported().receipts()).isZero();
		assertThat(cash()).isEqualTo(Money.eur("18275.76"));

		closeDaysUntil(LocalDate.of(2026, 4, 14));
		expect(LocalDate.of(2026, 3, 31), "20400.00", "20400.00", "18412.21", "-52.21");

		// 15/04: GAMMA pays F2 6 000 → matched by its number → swept at 17:30
		clock.travelTo(LocalDate.of(2026, 4, 15), LocalTime.of(8, 0));
		ImportOutcome april15 = statements.importStatement(ops, alpha, LocalDate.of(2026, 4, 15),
				StatementScenario.receipt("6000.00", LocalDate.of(2026, 4, 15), "GAMMA SARL", "FACTURE F2"));
		assertThat(april15.matched().matched()).isEqualTo(1);
		assertThat(invoice(f2).status()).isEqualTo(InvoiceStatus.SETTLED);
		expect(LocalDate.of(2026, 4, 15), "14400.00", "14400.00", "12412.21", "547.79");
		assertThat(dedicatedAccounts(a -> a.factorCollections())).isEqualTo(Money.eur("6000.00"));
		SweepLineView april15Sweep = sweep(LocalDate.of(2026, 4, 15));
		assertThat(april15Sweep.amount()).isEqualTo(Money.eur("6000.00"));
		assertThat(april15Sweep.invoicesSettled()).isEqualTo(1);
		assertThat(april15Sweep.reserveReleased()).isEqualTo(Money.eur("600.00"));
		assertThat(dedicatedAccounts(a -> a.factorCollections())).isEqualTo(Money.eur("0.00"));
		expect(LocalDate.of(2026, 4, 15), "14400.00", "14400.00", "12412.21", "547.79");
		closeDay(LocalDate.of(2026, 4, 15));

		// 16/04: the company draws its availability, 547,79
		clock.travelTo(LocalDate.of(2026, 4, 16), LocalTime.of(10, 0));
		acting.run(alpha.user(), () -> funding.requestDraw(alpha.company(), Money.eur("547.79"), "draw-16-04"));
		clock.travelTo(LocalDate.of(2026, 4, 16), LocalTime.of(10, 1));
		acting.run(ops, () -> payoutRunner.runDuePayouts());
		expect(LocalDate.of(2026, 4, 16), "14400.00", "14400.00", "12960.00", "0.00");
		closeDaysUntil(LocalDate.of(2026, 4, 29));

		// 30/04: DELTA pays 2 000 on F3 and disputes 400
		clock.travelTo(LocalDate.of(2026, 4, 30), LocalTime.of(8, 0));
		ImportOutcome april30 = statements.importStatement(ops, alpha, LocalDate.of(2026, 4, 30),
				StatementScenario.receipt("2000.00", LocalDate.of(2026, 4, 30), "DELTA SAS", "REGLEMENT F3"));
		assertThat(april30.matched().partial()).isZero();
		assertThat(invoice(f3).openAmount()).isEqualTo(Money.eur("400.00"));
		acting.run(alpha.user(),
				() -> disputes.declare(f3, Money.eur("400.00"), "400 € contestés : livraison incomplète"));
		expect(LocalDate.of(2026, 4, 30), "12400.00", "12000.00", "10960.00", "-160.00");
		assertThat(sweep(LocalDate.of(2026, 4, 30)).amount()).isEqualTo(Money.eur("2000.00"));
		closeDay(LocalDate.of(2026, 4, 30));
		assertThat(charge("2026-04-01")).isEqualByComparingTo("45.36");
		expect(LocalDate.of(2026, 4, 30), "12400.00", "12000.00", "11005.36", "-205.36");

		// 06/05: the credit note AV-0001 of 400 is remitted and closes F3
		closeDaysUntil(LocalDate.of(2026, 5, 5));
		clock.travelTo(LocalDate.of(2026, 5, 6), LocalTime.of(9, 0));
		InvoiceId av1 = fixtures.aCreditNote(alpha, delta, "AV-0001", LocalDate.of(2026, 5, 6), "400.00");
		purchase(List.of(av1));
		acting.run(alpha.user(), () -> disputes.endByCreditNote(f3, av1));
		assertThat(invoice(f3).status()).isEqualTo(InvoiceStatus.SETTLED);
		assertThat(invoice(av1).status()).isEqualTo(InvoiceStatus.SETTLED);
		assertThat(acting.as(alpha.user(), () -> disputes.of(f3)).get(0).status())
			.isEqualTo(DisputeStatus.ENDED_BY_CREDIT_NOTE);
		expect(LocalDate.of(2026, 5, 6), "12000.00", "12000.00", "11005.36", "-205.36");
		closeDaysUntil(LocalDate.of(2026, 5, 19));

		// 20/05: BETA pays F1, 22 days late, with F1's RF reference
		clock.travelTo(LocalDate.of(2026, 5, 20), LocalTime.of(8, 0));
		String f1Reference = invoice(f1).creditorReference().value();
		statements.importStatement(ops, alpha, LocalDate.of(2026, 5, 20),
				StatementScenario.receiptWithReference("12000.00", LocalDate.of(2026, 5, 20), "BETA SA", f1Reference));
		assertThat(invoice(f1).status()).isEqualTo(InvoiceStatus.SETTLED);
		expect(LocalDate.of(2026, 5, 20), "0.00", "0.00", "-994.64", "994.64");
		assertThat(sweep(LocalDate.of(2026, 5, 20)).amount()).isEqualTo(Money.eur("12000.00"));
		closeDaysUntil(LocalDate.of(2026, 5, 30));

		// 31/05: May charge 20,50, then the refund of 974,14
		clock.travelTo(LocalDate.of(2026, 5, 31), LocalTime.of(23, 30));
		closeDay(LocalDate.of(2026, 5, 31));
		assertThat(charge("2026-05-01")).isEqualByComparingTo("20.50");
		expect(LocalDate.of(2026, 5, 31), "0.00", "0.00", "-974.14", "974.14");
		acting.run(ops, () -> funding.requestReserveRefund(alpha.company(), "run-off 2026-05"));
		clock.travelTo(LocalDate.of(2026, 5, 31), LocalTime.of(23, 35));
		acting.run(ops, () -> payoutRunner.runDuePayouts());
		List<PayoutView> payouts = acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company()));
		assertThat(payouts).allMatch(payout -> payout.status() == PayoutStatus.EXECUTED)
			.extracting(PayoutView::amount)
			.containsExactlyInAnyOrder(Money.eur("18275.76"), Money.eur("547.79"), Money.eur("974.14"));
		expect(LocalDate.of(2026, 5, 31), "0.00", "0.00", "0.00", "0.00");

		// cash to the company 19 797,69 = collections 20 000,00 − costs 202,31
		assertThat(dedicatedAccounts(a -> a.companyAvailable())).isEqualTo(Money.eur("19797.69"));
		assertThat(ledger.balance(AccountRef.factor(AccountCode.FINANCING_INCOME), LocalDate.of(2026, 5, 31))
			.minus(financingIncomeBefore)).isEqualTo(Money.eur("118.07"));
		assertThat(ledger.balance(AccountRef.of(AccountCode.RECEIVABLES, alpha.company().toString()),
				LocalDate.of(2026, 5, 31)))
			.isEqualTo(Money.eur("0.00"));
		assertThat(dedicatedAccounts(a -> a.unidentified())).isEqualTo(Money.eur("0.00"));
		assertThat(ledger.trialBalance(LocalDate.of(2100, 1, 1)).total()).isEqualTo(Money.eur("0.00"));
	}

	static ContractTerms referenceTerms() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), Rate.ofPercent("1.50"), standard.facilityLimit(), Rate.ofPercent("100"),
				standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), true);
	}

	private void purchase(List<InvoiceId> items) {
		RemittanceId remittance = fixtures.submit(alpha, items);
		acting.run(alpha.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
	}

	private void expect(LocalDate asOf, String outstanding, String eligible, String fundsInUse, String availability) {
		Availability now = acting.as(alpha.user(), () -> funding.availability(alpha.company(), asOf));
		assertThat(now.outstanding()).as("outstanding on " + asOf).isEqualTo(Money.eur(outstanding));
		assertThat(now.eligible()).as("eligible on " + asOf).isEqualTo(Money.eur(eligible));
		assertThat(now.fundsInUse()).as("funds in use on " + asOf).isEqualTo(Money.eur(fundsInUse));
		assertThat(now.availability()).as("availability on " + asOf).isEqualTo(Money.eur(availability));
	}

	private List<PayoutView> awaitPayouts(int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())),
					list -> list.size() >= count);
	}

	private String payoutEndToEnd() {
		return acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())).get(0).endToEndId();
	}

	private SweepLineView sweep(LocalDate day) {
		clock.travelTo(day, LocalTime.of(17, 30));
		UUID run = acting.as(ops, () -> sweeps.runScheduled(day));
		List<SweepLineView> lines = acting.as(ops, () -> sweeps.linesOf(run))
			.stream()
			.filter(line -> line.companyId().equals(alpha.company()))
			.toList();
		assertThat(lines).singleElement().satisfies(line -> assertThat(line.status()).isEqualTo("SWEPT"));
		// a second run the same business date sweeps nothing more
		UUID again = acting.as(ops, () -> sweeps.runScheduled(day));
		assertThat(acting.as(ops, () -> sweeps.linesOf(again)))
			.noneMatch(line -> line.companyId().equals(alpha.company()));
		return lines.get(0);
	}

	private void closeDaysUntil(LocalDate last) {
		LocalDate day = LocalDate.now(clock);
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			closeDay(day);
		}
	}

	private void closeDay(LocalDate day) {
		clock.travelTo(day, LocalTime.of(23, 30));
		acting.run(ops, () -> charges.closeDay(day));
	}

	private BigDecimal charge(String month) {
		return jdbc.sql("select amount from financing_charge where company_id = ? and month = ?::date")
			.params(alpha.company().value(), month)
			.query(BigDecimal.class)
			.single();
	}

	private io.cessio.invoices.InvoiceView invoice(InvoiceId id) {
		return acting.as(alpha.user(), () -> invoices.find(id));
	}

	private Money cash() {
		return dedicatedAccounts(a -> a.total());
	}

	private Money dedicatedAccounts(
			java.util.function.Function<io.cessio.banking.DedicatedAccountBalance, Money> portion) {
		return portion.apply(acting.as(alpha.user(), () -> dedicatedAccounts.balance(alpha.company())));
	}

}
