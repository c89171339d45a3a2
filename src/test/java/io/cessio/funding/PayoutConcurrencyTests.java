package io.cessio.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.approval.ApprovalDesk;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.RemittanceId;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Two instances' payout jobs at the same moment over 1 000 due payouts (each job runs on
 * its own thread and connections, as two JVMs would; what keeps them apart is the
 * database): every payout is paid exactly once.
 */
@CessioIntegrationTest
class PayoutConcurrencyTests {

	static final int COMPANIES = 2;

	static final int PAYOUTS_PER_COMPANY = 500;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	PayoutRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoJobsAtOnceOverAThousandDuePayoutsPayEachExactlyOnce() throws Exception {
		accounts.ensureFactor();
		Acting acting = fixtures.acting();
		List<UUID> payouts = new ArrayList<>();
		List<Client> clients = new ArrayList<>();
		for (int c = 0; c < COMPANIES; c++) {
			Client client = fixtures.aClient(withoutAutoPayout());
			DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, client.company());
			DebtorId debtor = fixtures.anApprovedDebtor(client, "DEBITEUR", AccountFixtures.randomSiren(),
					Money.eur("100000.00"));
			RemittanceId remittance = fixtures.submit(client, List.of(fixtures.anInvoice(client, debtor, "BIG",
					LocalDate.now().minusDays(2), LocalDate.now().plusDays(50), "20400.00")));
			acting.run(client.analyst(), () -> {
				desk.approveAllEligible(remittance);
				desk.complete(remittance);
			});
			clients.add(client);
			for (int p = 0; p < PAYOUTS_PER_COMPANY; p++) {
				payouts.add(aPendingDraw(client, "10.00"));
			}
		}
		String ops1 = accounts.aUser(Role.OPS);
		String ops2 = accounts.aUser(Role.OPS);

		ExecutorService instances = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (String instance : List.of(ops1, ops2)) {
			runs.add(instances.submit(() -> {
				start.await();
				return acting.as(instance, () -> runner.runDuePayouts());
			}));
		}
		long started = System.nanoTime();
		start.countDown();
		int first = runs.get(0).get(5, TimeUnit.MINUTES);
		int second = runs.get(1).get(5, TimeUnit.MINUTES);
		instances.shutdown();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		long executed = count("select count(*) from payout where id = any(?) and status = 'EXECUTED'", payouts);
		long transfers = count("""
				select count(*) from outgoing_transfer where purpose = 'PAYOUT'
				and request_key in (select 'PAYOUT:' || id from payout where id = any(?))""", payouts);
		long entries = count("""
				select count(*) from journal_entry where source_type = 'PAYOUT'
				and source_ref in (select 'PAYOUT:' || id from payout where id = any(?))""", payouts);
		long duplicated = count("""
				select count(*) from (select request_key from outgoing_transfer
				where request_key in (select 'PAYOUT:' || id from payout where id = any(?))
				group by request_key having count(*) > 1) d""", payouts);
		System.out.printf(
				"two payout jobs at once: attempted=%d, ok=%d, lost=%d, duplicated=%d, transfers=%d, ledger_entries=%d"
						+ " (job 1 executed %d, job 2 executed %d, %d ms)%n",
				payouts.size(), executed, payouts.size() - executed, duplicated, transfers, entries, first, second,
				took.toMillis());
		assertThat(executed).isEqualTo(payouts.size());
		assertThat(transfers).isEqualTo(payouts.size());
		assertThat(entries).isEqualTo(payouts.size());
		assertThat(duplicated).isZero();
		assertThat(first + second).as("payouts executed by the two jobs, ours and others' still pending")
			.isGreaterThanOrEqualTo(payouts.size());
		for (Client client : clients) {
			assertThat(jdbc.sql("""
					select coalesce(sum(amount), 0) from payout where company_id = ? and status = 'EXECUTED'""")
				.param(client.company().value())
				.query(java.math.BigDecimal.class)
				.single()).isEqualByComparingTo("5000.00");
		}
	}

	private UUID aPendingDraw(Client client, String amount) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		jdbc.sql("""
				insert into payout (id, company_id, kind, amount, currency, status, request_key, requested_at,
				                    requested_by, deadline, version)
				values (?, ?, 'DRAW', ?, 'EUR', 'PENDING', ?, ?, ?, ?, 0)""")
			.params(id, client.company().value(), new java.math.BigDecimal(amount), "DRAW:" + id, Timestamp.from(now),
					client.user(), Timestamp.from(now.plus(Duration.ofHours(24))))
			.update();
		return id;
	}

	private long count(String sql, List<UUID> ids) {
		return jdbc.sql(sql).param(ids.toArray(new UUID[0])).query(Long.class).single();
	}

	static ContractTerms withoutAutoPayout() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(), Rate.ofPercent("100"),
				standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), false);
	}

}
