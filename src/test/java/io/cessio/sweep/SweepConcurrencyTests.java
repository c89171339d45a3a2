package io.cessio.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
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
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.companies.ContractTerms;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.Role;
import io.cessio.platform.time.BusinessCalendar;
import io.cessio.shared.Money;

/**
 * Two instances' sweeps started at the same moment for the same business date (each on
 * its own thread and connections, as two JVMs would): every dedicated account is swept
 * exactly once, and a third run the same day sweeps nothing.
 */
@CessioIntegrationTest
class SweepConcurrencyTests {

	static final int COMPANIES = 40;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	SweepManagement sweeps;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoSweepsAtOnceSweepEachAccountOnce() throws Exception {
		accounts.ensureFactor();
		Acting acting = fixtures.acting();
		LocalDate today = LocalDate.now();
		LocalDate businessDate = calendar.isBusinessDay(today) ? today : calendar.nextBusinessDay(today);
		List<CompanyId> companies = new ArrayList<>();
		BigDecimal expected = BigDecimal.ZERO;
		for (int i = 0; i < COMPANIES; i++) {
			CompanyId company = accounts.aCompany(ContractTerms.standard().withAutoRefund(false));
			DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
			Money collected = Money.eur(new BigDecimal(100 + i).setScale(2));
			String receipt = "SWEEP-TEST-" + UUID.randomUUID();
			ledger.post(PostingRules.incomingTransfer(company.toString(), receipt, today, collected, "test"));
			ledger.post(PostingRules.identifiedCollection(company.toString(), receipt, today, collected));
			companies.add(company);
			expected = expected.add(collected.amount());
		}
		long deadlocksBefore = deadlocks();
		String ops1 = accounts.aUser(Role.OPS);
		String ops2 = accounts.aUser(Role.OPS);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<UUID>> runs = new ArrayList<>();
		for (String instance : List.of(ops1, ops2)) {
			runs.add(instances.submit(() -> {
				start.await();
				return acting.as(instance, () -> sweeps.runScheduled(businessDate));
			}));
		}
		start.countDown();
		UUID first = runs.get(0).get(2, TimeUnit.MINUTES);
		UUID second = runs.get(1).get(2, TimeUnit.MINUTES);
		instances.shutdown();

		UUID[] ids = companies.stream().map(CompanyId::value).toArray(UUID[]::new);
		long swept = count("""
				select count(*) from sweep_line where company_id = any(?) and business_date = ? and status = 'SWEPT'""",
				ids, businessDate);
		long entries = count("""
				select count(*) from journal_entry e where e.source_type = 'SWEEP' and e.source_ref in (
				  select 'SWEEP:' || d.id || ':' || ?::text from dedicated_account d where d.company_id = any(?))""",
				businessDate.toString(), ids);
		long transfers = count("""
				select count(*) from outgoing_transfer t join dedicated_account d on d.id = t.dedicated_account_id
				where t.purpose = 'SWEEP' and d.company_id = any(?)""", (Object) ids);
		long failed = count("select count(*) from sweep_line where company_id = any(?) and status = 'FAILED'",
				(Object) ids);
		BigDecimal total = jdbc.sql("select coalesce(sum(amount), 0) from sweep_line where company_id = any(?)")
			.param(ids)
			.query(BigDecimal.class)
			.single();
		BigDecimal left = jdbc.sql("""
				select coalesce(sum(balance), 0) from ledger_account
				where code = 'DEDICATED_FACTOR_COLLECTIONS' and counterparty = any(?)""")
			.param(companies.stream().map(CompanyId::toString).toArray(String[]::new))
			.query(BigDecimal.class)
			.single();
		long deadlocks = deadlocks() - deadlocksBefore;
		int byFirst = linesOf(first, ids);
		int bySecond = linesOf(second, ids);
		System.out.printf(
				"R2 two sweeps at once: attempted=%d, ok=%d, duplicated=%d, failed=%d, transfers=%d,"
						+ " ledger_entries=%d, deadlocks=%d (run 1 swept %d, run 2 swept %d)%n",
				COMPANIES, swept, entries - COMPANIES, failed, transfers, entries, deadlocks, byFirst, bySecond);
		assertThat(swept).isEqualTo(COMPANIES);
		assertThat(entries).isEqualTo(COMPANIES);
		assertThat(transfers).isEqualTo(COMPANIES);
		assertThat(failed).isZero();
		assertThat(total).isEqualByComparingTo(expected);
		assertThat(left).as("nothing left for the factor in the dedicated accounts").isEqualByComparingTo("0");
		assertThat(deadlocks).isZero();
		assertThat(byFirst + bySecond).isEqualTo(COMPANIES);

		UUID third = acting.as(ops1, () -> sweeps.runScheduled(businessDate));
		assertThat(linesOf(third, ids)).as("a third run the same business date").isZero();
	}

	private int linesOf(UUID run, UUID[] companies) {
		return (int) count("select count(*) from sweep_line where run_id = ? and company_id = any(?)", run, companies);
	}

	private long deadlocks() {
		return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
