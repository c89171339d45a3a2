package io.cessio.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
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
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceManagement;
import io.cessio.ledger.Ledger;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;

/**
 * DOMAIN.md §3.3 up to 31/03/2026 through the application's services, the clock moved day
 * by day: purchase on 03/03 (fees 84,24), payout of 18 275,76 into the dedicated account
 * within 24 hours, the March financing charge of 52,21 on 31/03, availability −52,21.
 */
@CessioIntegrationTest
class FundingReferenceScenarioTests {

	static final LocalDate PURCHASE_DAY = LocalDate.of(2026, 3, 3);

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	RemittanceManagement remittances;

	@Autowired
	FundingManagement funding;

	@Autowired
	PayoutRunner runner;

	@Autowired
	FinancingCharges charges;

	@Autowired
	ReferenceRates rates;

	@Autowired
	DedicatedAccounts dedicatedAccounts;

	@Autowired
	Ledger ledger;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Acting acting;

	String ops;

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
	void theReferenceScenarioToTheEndOfMarchToTheCent() {
		Client alpha = fixtures.aClient(referenceTerms());
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, alpha.company());
		RemittanceId remittance = fixtures.submit(alpha, referenceInvoices(alpha));
		acting.run(alpha.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
		String key = alpha.company().toString();

		// 03/03: purchase, fees 84,24 debited; the auto-payout asks for the whole
		// availability
		Availability afterPurchase = acting.as(alpha.user(), () -> funding.availability(alpha.company()));
		assertThat(afterPurchase.outstanding()).isEqualTo(Money.eur("20400.00"));
		assertThat(afterPurchase.eligible()).isEqualTo(Money.eur("20400.00"));
		assertThat(afterPurchase.fundingBase()).isEqualTo(Money.eur("18360.00"));
		assertThat(afterPurchase.fundsInUse()).isEqualTo(Money.eur("84.24"));
		assertThat(afterPurchase.availability()).isEqualTo(Money.eur("18275.76"));
		PayoutView requested = await().atMost(Duration.ofSeconds(10))
			.until(() -> acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())), list -> !list.isEmpty())
			.get(0);
		assertThat(requested.kind()).isEqualTo(PayoutKind.AFTER_PURCHASE);
		assertThat(requested.amount()).isEqualTo(Money.eur("18275.76"));
		assertThat(requested.deadline()).isEqualTo(requested.requestedAt().plus(Duration.ofHours(24)));
		assertThat(acting.as(alpha.user(), () -> funding.availability(alpha.company())).drawable())
			.as("nothing more to draw while the payout is pending")
			.isEqualTo(Money.eur("0.00"));

		// the payout job, a few minutes later: the money lands in the dedicated account
		clock.travelTo(PURCHASE_DAY, LocalTime.of(9, 5));
		acting.run(ops, () -> runner.runDuePayouts());
		PayoutView paid = acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())).get(0);
		assertThat(paid.status()).isEqualTo(PayoutStatus.EXECUTED);
		assertThat(paid.isLate(clock.instant())).isFalse();
		assertThat(paid.endToEndId()).startsWith("CESSIO-P-");
		assertThat(acting.as(alpha.user(), () -> dedicatedAccounts.balance(alpha.company())).companyAvailable())
			.isEqualTo(Money.eur("18275.76"));
		assertThat(acting.as(ops, () -> dedicatedAccounts.pain001(paid.transferId())))
			.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")
			.contains("18275.76")
			.contains(paid.endToEndId());
		assertThat(ledger.fundsInUse(key, PURCHASE_DAY)).isEqualTo(Money.eur("18360.00"));
		assertThat(acting.as(alpha.user(), () -> funding.availability(alpha.company())).availability())
			.isEqualTo(Money.eur("0.00"));

		// day by day to the end of March; the month is charged on its last day
		for (LocalDate day = PURCHASE_DAY; !day.isAfter(LocalDate.of(2026, 3, 31)); day = day.plusDays(1)) {
			clock.travelTo(day, LocalTime.of(23, 30));
			LocalDate today = day;
			acting.run(ops, () -> charges.closeDay(today));
		}
		assertThat(jdbc.sql("select amount from financing_charge where company_id = ? and month = '2026-03-01'")
			.param(alpha.company().value())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("52.21");
		assertThat(jdbc.sql("select count(*) from funds_in_use_eod where company_id = ? and amount = 18360.00")
			.param(alpha.company().value())
			.query(Long.class)
			.single()).as("end-of-day funds in use from 03/03 to 31/03, before the charge").isEqualTo(29);
		assertThat(ledger.fundsInUse(key, LocalDate.of(2026, 3, 31))).isEqualTo(Money.eur("18412.21"));
		Availability endOfMarch = acting.as(alpha.user(), () -> funding.availability(alpha.company()));
		assertThat(endOfMarch.availability()).isEqualTo(Money.eur("-52.21"));

		// charging March again, on this instance or another, changes nothing
		assertThat(acting.as(ops, () -> charges.chargeMonth(alpha.company(), YearMonth.of(2026, 3))))
			.isEqualTo(Money.eur("52.21"));
		assertThat(
				jdbc.sql("select count(*) from journal_entry where source_type = 'FINANCING_CHARGE' and source_ref = ?")
					.param(key + ":2026-03")
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(ledger.trialBalance(LocalDate.of(2100, 1, 1)).total()).isEqualTo(Money.eur("0.00"));
	}

	@Test
	void aMonthMissedWhileTheApplicationWasDownIsChargedOnStartFromTheLedger() {
		Client alpha = fixtures.aClient(referenceTerms());
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, alpha.company());
		RemittanceId remittance = fixtures.submit(alpha, referenceInvoices(alpha));
		acting.run(alpha.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
		await().atMost(Duration.ofSeconds(10))
			.until(() -> acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())), list -> !list.isEmpty());
		acting.run(ops, () -> runner.runDuePayouts());

		// no end of day ran in March (the application was down): the start-up catch-up
		// computes the month from the ledger
		clock.travelTo(LocalDate.of(2026, 4, 2), LocalTime.of(8, 0));
		assertThat(acting.as(ops, () -> charges.catchUp())).isGreaterThanOrEqualTo(1);
		acting.run(ops, () -> charges.catchUp());

		assertThat(jdbc.sql("select amount from financing_charge where company_id = ? and month = '2026-03-01'")
			.param(alpha.company().value())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("52.21");
		assertThat(jdbc.sql("select count(*) from financing_charge where company_id = ?")
			.param(alpha.company().value())
			.query(Long.class)
			.single()).as("April is not over: only March is charged").isEqualTo(1);
		assertThat(acting.as(alpha.user(), () -> funding.availability(alpha.company())).availability())
			.isEqualTo(Money.eur("-52.21"));
	}

	@Test
	void aPayoutNotExecutedWithin24HoursShowsAsLateOnTheBoard() {
		Client alpha = fixtures.aClient(referenceTerms());
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, alpha.company());
		RemittanceId remittance = fixtures.submit(alpha, referenceInvoices(alpha));
		acting.run(alpha.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
		UUID payout = await().atMost(Duration.ofSeconds(10))
			.until(() -> acting.as(alpha.user(), () -> funding.payoutsOf(alpha.company())), list -> !list.isEmpty())
			.get(0)
			.id();

		clock.travelTo(PURCHASE_DAY, LocalTime.of(20, 0));
		assertThat(acting.as(ops, () -> funding.board()).late()).extracting(PayoutView::id).doesNotContain(payout);
		clock.travelTo(PURCHASE_DAY.plusDays(1), LocalTime.of(9, 30));
		PayoutBoard board = acting.as(ops, () -> funding.board());
		assertThat(board.late()).extracting(PayoutView::id).contains(payout);
		assertThat(board.late()).filteredOn(view -> view.id().equals(payout))
			.singleElement()
			.satisfies(view -> assertThat(view.timeLeftText(board.now())).startsWith("-0 h 2"));
	}

	static ContractTerms referenceTerms() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), Rate.ofPercent("1.50"), standard.facilityLimit(), Rate.ofPercent("100"),
				standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), true);
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
