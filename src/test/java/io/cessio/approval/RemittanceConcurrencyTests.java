package io.cessio.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.FourEyesRequired;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceLocked;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceManagement;
import io.cessio.invoices.RemittanceStatus;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Races on remittances (BENCHMARKS.md R2): the same invoices submitted by two requests at
 * once, and the same remittance completed or confirmed by two analysts at once. Exactly
 * one wins each round; the other gets a clean business refusal; nothing is purchased
 * twice.
 */
@CessioIntegrationTest
class RemittanceConcurrencyTests {

	static final int ROUNDS = 10;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	RemittanceManagement remittances;

	@Autowired
	JdbcClient jdbc;

	final ExecutorService pool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		pool.shutdownNow();
	}

	@Test
	void theSameInvoicesSubmittedTwiceAtOnceMakeOneRemittance() throws Exception {
		Client client = fixtures.aClient(ContractTerms.standard());
		DebtorId debtor = fixtures.anApprovedDebtor(client, "BETA SA", AccountFixtures.randomSiren(),
				Money.eur("1000000.00"));
		int wins = 0;
		int cleanRefusals = 0;
		for (int round = 0; round < ROUNDS; round++) {
			List<InvoiceId> items = List.of(
					fixtures.anInvoice(client, debtor, "R" + round + "-A", LocalDate.now().minusDays(1),
							LocalDate.now().plusDays(30), "100.00"),
					fixtures.anInvoice(client, debtor, "R" + round + "-B", LocalDate.now().minusDays(1),
							LocalDate.now().plusDays(30), "200.00"));
			List<Object> outcomes = race(() -> fixtures.submit(client, items), () -> fixtures.submit(client, items));
			wins += (int) outcomes.stream().filter(RemittanceId.class::isInstance).count();
			cleanRefusals += (int) outcomes.stream().filter(InvoiceLocked.class::isInstance).count();
		}
		System.out.printf("R2 concurrent submissions: attempted=%d, ok=%d, rejected_cleanly=%d%n", 2 * ROUNDS, wins,
				cleanRefusals);
		assertThat(wins).isEqualTo(ROUNDS);
		assertThat(cleanRefusals).isEqualTo(ROUNDS);
		assertThat(jdbc.sql("select count(*) from remittance where company_id = ?")
			.param(client.company().value())
			.query(Long.class)
			.single()).isEqualTo(ROUNDS);
	}

	@Test
	void twoAnalystsConfirmingTheSameRemittanceAtOncePurchaseItOnce() throws Exception {
		ContractTerms standard = ContractTerms.standard();
		ContractTerms fourEyesFromZero = new ContractTerms(standard.advanceRate(), standard.commissionRate(),
				standard.perInvoiceFee(), standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(),
				Rate.ofPercent("100"), standard.defundingDays(), standard.maxTermDays(), Money.eur("0.00"), true);
		Client client = fixtures.aClient(fourEyesFromZero);
		DebtorId debtor = fixtures.anApprovedDebtor(client, "BETA SA", AccountFixtures.randomSiren(),
				Money.eur("1000000.00"));
		String second = fixtures.anAnalyst();
		String third = fixtures.anAnalyst();
		int purchases = 0;
		int cleanRefusals = 0;
		for (int round = 0; round < ROUNDS; round++) {
			InvoiceId invoice = fixtures.anInvoice(client, debtor, "C" + round, LocalDate.now().minusDays(1),
					LocalDate.now().plusDays(30), "1200.00");
			RemittanceId remittance = fixtures.submit(client, List.of(invoice));
			fixtures.acting().run(client.analyst(), () -> {
				desk.approveAllEligible(remittance);
				desk.complete(remittance);
			});
			List<Object> outcomes = race(() -> fixtures.acting().as(second, () -> desk.confirm(remittance)),
					() -> fixtures.acting().as(third, () -> desk.confirm(remittance)));
			purchases += (int) outcomes.stream().filter(RemittanceStatus.PURCHASED::equals).count();
			cleanRefusals += (int) outcomes.stream()
				.filter(outcome -> outcome instanceof IllegalStateException
						|| outcome instanceof ConcurrencyFailureException || outcome instanceof FourEyesRequired)
				.count();
			assertThat(jdbc.sql("select count(*) from journal_entry where source_type = 'PURCHASE' and source_ref = ?")
				.param(fixtures.acting().as(client.user(), () -> remittances.find(remittance)).number())
				.query(Long.class)
				.single()).as("purchase entries of round " + round).isEqualTo(1);
		}
		System.out.printf("R2 concurrent confirmations: attempted=%d, ok=%d, rejected_cleanly=%d, duplicated=0%n",
				2 * ROUNDS, purchases, cleanRefusals);
		assertThat(purchases).isEqualTo(ROUNDS);
		assertThat(cleanRefusals).isEqualTo(ROUNDS);
	}

	/** Runs both at the same instant; each outcome is the result or the exception. */
	private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> futures = new ArrayList<>();
		for (Callable<Object> task : List.of(first, second)) {
			futures.add(pool.submit(() -> {
				start.await();
				try {
					return task.call();
				}
				catch (RuntimeException refused) {
					return refused;
				}
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> future : futures) {
			outcomes.add(future.get(30, TimeUnit.SECONDS));
		}
		return outcomes;
	}

}
