package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;

/**
 * Sixteen threads on one dedicated account at once (BENCHMARKS.md R2): company users
 * withdrawing through the web layer, operations recording receipts, the factor paying in.
 * Final balances must be exact, nothing overdrawn, no update lost, no deadlock, and every
 * refusal a clean form error.
 */
@CessioIntegrationTest
class DedicatedAccountConcurrencyTests {

	static final int ROUNDS = 15;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sixteenThreadsWithdrawingAndDepositingKeepExactBalancesAndNeverOverdraw() throws Exception {
		CompanyId company = fixtures.aCompany();
		RequestPostProcessor companyUser = user(users.loadUserByUsername(fixtures.aUser(Role.COMPANY_USER, company)));
		RequestPostProcessor ops = user(users.loadUserByUsername(fixtures.aUser(Role.OPS)));
		UUID account = DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
		String key = company.toString();
		ledger.post(PostingRules.payout(key, "RACE-START-" + key, LocalDate.now(), Money.eur("500.00")));
		long deadlocksBefore = deadlocks();

		AtomicInteger withdrawn = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger serverErrors = new AtomicInteger();
		AtomicInteger unexpected = new AtomicInteger();
		List<Callable<BigDecimal>> tasks = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			long seed = thread;
			tasks.add(() -> {
				Random random = new Random(seed);
				BigDecimal total = BigDecimal.ZERO;
				for (int round = 0; round < ROUNDS; round++) {
					BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(9000), 2);
					int status = mvc
						.perform(post("/companies/" + company + "/dedicated-account/withdrawal").with(companyUser)
							.with(csrf())
							.param("amount", amount.toPlainString())
							.param("token", UUID.randomUUID().toString()))
						.andReturn()
						.getResponse()
						.getStatus();
					if (status == 302) {
						withdrawn.incrementAndGet();
						total = total.add(amount);
					}
					else if (status == 200) {
						refused.incrementAndGet();
					}
					else if (status >= 500) {
						serverErrors.incrementAndGet();
					}
					else {
						unexpected.incrementAndGet();
					}
				}
				return total.negate();
			});
		}
		for (int thread = 0; thread < 4; thread++) {
			int id = thread;
			tasks.add(() -> {
				for (int round = 0; round < ROUNDS; round++) {
					ledger.post(PostingRules.payout(key, "RACE-" + id + "-" + round + "-" + key, LocalDate.now(),
							Money.eur("20.00")));
				}
				return BigDecimal.valueOf(20L * ROUNDS).setScale(2);
			});
		}
		for (int thread = 0; thread < 4; thread++) {
			tasks.add(() -> {
				for (int round = 0; round < ROUNDS; round++) {
					int status = mvc
						.perform(post("/ops/incoming-transfers").with(ops)
							.with(csrf())
							.param("accountId", account.toString())
							.param("amount", "7.50")
							.param("valueDate", "2026-04-15")
							.param("payerName", "DEBITEUR")
							.param("payerIban", "FR7630003012340005001234509"))
						.andReturn()
						.getResponse()
						.getStatus();
					if (status != 302) {
						unexpected.incrementAndGet();
					}
				}
				return BigDecimal.ZERO;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		BigDecimal availableChange = BigDecimal.ZERO;
		try {
			for (Future<BigDecimal> result : pool.invokeAll(tasks)) {
				availableChange = availableChange.add(result.get());
			}
		}
		finally {
			pool.shutdown();
		}

		Money available = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, key));
		Money unidentified = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, key));
		Money cash = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, key));
		BigDecimal withdrawnTotal = jdbc
			.sql("select coalesce(sum(amount), 0) from outgoing_transfer where dedicated_account_id = ?")
			.param(account)
			.query(BigDecimal.class)
			.single();
		System.out.printf(
				"R2 dedicated-account race: attempted=%d, ok=%d, rejected_cleanly=%d, 5xx=%d, deadlocks=%d, violations=%d%n",
				16 * ROUNDS, withdrawn.get() + 8 * ROUNDS, refused.get(), serverErrors.get(),
				deadlocks() - deadlocksBefore, ledger.invariantViolations().size());

		assertThat(serverErrors.get()).as("5xx").isZero();
		assertThat(unexpected.get()).as("unexpected statuses").isZero();
		assertThat(withdrawn.get() + refused.get()).isEqualTo(8 * ROUNDS);
		assertThat(refused.get()).as("some withdrawals must have found the account short").isPositive();
		assertThat(available.amount()).isEqualByComparingTo(new BigDecimal("500.00").add(availableChange));
		assertThat(available.isNegative()).isFalse();
		assertThat(withdrawnTotal).isEqualByComparingTo(
				new BigDecimal("500.00").add(BigDecimal.valueOf(4 * 20 * ROUNDS)).subtract(available.amount()));
		assertThat(unidentified).isEqualTo(Money.eur(BigDecimal.valueOf(750L * 4 * ROUNDS, 2)));
		assertThat(cash).isEqualTo(available.plus(unidentified));
		assertThat(deadlocks() - deadlocksBefore).as("deadlocks").isZero();
		assertThat(ledger.invariantViolations()).isEmpty();
	}

	@Test
	void theSameFormSubmittedEightTimesAtOnceWithdrawsOnce() throws Exception {
		CompanyId company = fixtures.aCompany();
		RequestPostProcessor companyUser = user(users.loadUserByUsername(fixtures.aUser(Role.COMPANY_USER, company)));
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
		String key = company.toString();
		ledger.post(PostingRules.payout(key, "REPLAY-START-" + key, LocalDate.now(), Money.eur("100.00")));
		String token = UUID.randomUUID().toString();
		List<Callable<Integer>> submissions = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			submissions.add(
					() -> mvc
						.perform(post("/companies/" + company + "/dedicated-account/withdrawal").with(companyUser)
							.with(csrf())
							.param("amount", "60.00")
							.param("token", token))
						.andReturn()
						.getResponse()
						.getStatus());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> status : pool.invokeAll(submissions)) {
				statuses.add(status.get());
			}
		}
		finally {
			pool.shutdown();
		}
		System.out.printf("R3 double submit: attempted=8, ok=%d, duplicated=%d, 5xx=%d%n",
				statuses.stream().filter(s -> s == 302).count(),
				jdbc.sql("select count(*) from outgoing_transfer where request_key = ?")
					.param("WITHDRAWAL:" + token)
					.query(Long.class)
					.single() - 1,
				statuses.stream().filter(s -> s >= 500).count());
		assertThat(statuses).as("every replay answers like the first submission").containsOnly(302);
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, key)))
			.isEqualTo(Money.eur("40.00"));
		assertThat(jdbc.sql("select count(*) from journal_entry where source_type = 'WITHDRAWAL' and source_ref = ?")
			.param("WITHDRAWAL:" + token)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long deadlocks() {
		return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

}
