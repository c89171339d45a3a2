package io.cessio.perf;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.companies.AccountFixtures;
import io.cessio.platform.security.SystemActor;
import io.cessio.platform.time.BusinessCalendar;
import io.cessio.sweep.SweepManagement;

/**
 * One sweep run over many dedicated accounts, timed (BENCHMARKS.md P3). A plain
 * {@code main} program, not a test: {@code perf/sweep-benchmark.sh} runs it once per
 * round, each time on a fresh database, next to pgbench on the same PostgreSQL.
 *
 * <p>
 * What one run does: boots the application without a web server and without schedulers on
 * {@code --url} (a database named {@code cessio_bench_sweep*}, created empty by the
 * script, migrated by Flyway); enters the factor's identity; warms up — companies (500 at
 * a time, with {@code --collections} collections each, see {@link SweepBenchmarkData})
 * seeded and swept, business date after business date, until {@code --warmup} seconds
 * were spent sweeping; seeds {@code --companies} companies; VACUUM ANALYZE and
 * CHECKPOINT; then one {@link SweepManagement#runScheduled} as {@code system} (as the
 * scheduler calls it) over exactly those accounts, timed. After the run it waits for the
 * {@code CollectionsSwept} listeners (publication registry) to complete, and checks the
 * outcome: every account swept once, nothing left for the factor, the SWEEP entries and
 * their postings, {@code ledger_invariant_violation} empty, deadlocks
 * ({@code pg_stat_database} delta). One line: <pre>
 * APP accounts=5000 swept=5000 failed=0 skipped=0 run_s=… entries_per_s=… lines_per_s=… …
 * </pre> With {@code --profile=true} the data source is wrapped and {@code PROFILE} lines
 * give, per account, the JDBC calls and the time of each statement of the sweep's thread.
 *
 * <p>
 * Options ({@code --name=value}): {@code --url} [{@code BENCH_DB_URL}], {@code --user},
 * {@code --password}, {@code --companies} (5000), {@code --collections} (20),
 * {@code --warmup} (seconds, 20), {@code --profile} (false), {@code --batch-size}
 * ({@code cessio.sweep.batch-size}, the application's default when absent).
 */
public final class SweepBenchmark {

	private static final int WARMUP_COMPANIES = 500;

	private static final int WARMUP_FIRST = 1_000_000;

	private final ConfigurableApplicationContext context;

	private final JdbcTemplate jdbc;

	private final HikariDataSource pool;

	private final SweepBenchmarkData data;

	private final SweepManagement sweeps;

	private final SystemActor system;

	private SweepBenchmark(ConfigurableApplicationContext context) {
		this.context = context;
		DataSource dataSource = context.getBean(DataSource.class);
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.pool = dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("expected a Hikari pool", ex);
		}
		this.data = new SweepBenchmarkData(this.jdbc,
				new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
		this.sweeps = context.getBean(SweepManagement.class);
		this.system = context.getBean(SystemActor.class);
	}

	public static void main(String[] args) {
		Map<String, String> options = PerfApplication.options(args);
		int companies = Integer.parseInt(PerfApplication.option(options, "companies", null, "5000"));
		int collections = Integer.parseInt(PerfApplication.option(options, "collections", null, "20"));
		int warmup = Integer.parseInt(PerfApplication.option(options, "warmup", null, "20"));
		boolean profile = Boolean.parseBoolean(PerfApplication.option(options, "profile", null, "false"));
		long startupBegin = System.nanoTime();
		int status = 0;
		try (ConfigurableApplicationContext context = PerfApplication.start(options, "BENCH_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/cessio_bench_sweep", "cessio_bench_sweep", "cessio-bench-sweep",
				ctx -> {
					if (profile) {
						ctx.getBeanFactory().addBeanPostProcessor(new StatementTimings());
					}
				})) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f database=%s%n",
					(System.nanoTime() - startupBegin) / 1e9,
					PerfApplication.database(context.getEnvironment().getProperty("spring.datasource.url")));
			status = new SweepBenchmark(context).measure(companies, collections, warmup, profile) ? 0 : 1;
		}
		catch (RuntimeException failure) {
			System.out.println("FAILED " + failure.toString().replace('\n', ' '));
			failure.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private boolean measure(int companies, int collections, int warmupSeconds, boolean profile) {
		AccountFixtures fixtures = this.context.getAutowireCapableBeanFactory().createBean(AccountFixtures.class);
		fixtures.ensureFactor();
		BusinessCalendar calendar = this.context.getBean(BusinessCalendar.class);
		LocalDate today = LocalDate.now(this.context.getBean(Clock.class));
		LocalDate businessDate = calendar.isBusinessDay(today) ? today : calendar.nextBusinessDay(today);

		long sweeping = 0;
		int rounds = 0;
		LocalDate warmupDate = businessDate;
		while (sweeping < warmupSeconds * 1_000_000_000L && rounds < 200) {
			warmupDate = warmupDate.minusDays(1);
			this.data.seed(WARMUP_FIRST + rounds * WARMUP_COMPANIES, WARMUP_COMPANIES, collections, warmupDate);
			long begin = System.nanoTime();
			LocalDate date = warmupDate;
			this.system.call(() -> this.sweeps.runScheduled(date));
			sweeping += System.nanoTime() - begin;
			rounds++;
		}
		awaitListeners();
		System.out.printf(Locale.ROOT, "WARMUP sweeps=%d accounts=%d sweeping_s=%.1f%n", rounds,
				rounds * WARMUP_COMPANIES, sweeping / 1e9);

		long seedBegin = System.nanoTime();
		BigDecimal seeded = this.data.seed(1, companies, collections, businessDate);
		System.out.printf(Locale.ROOT, "INFO seeded companies=%d collections=%d total=%s seed_s=%.1f%n", companies,
				companies * collections, seeded.toPlainString(), (System.nanoTime() - seedBegin) / 1e9);
		resetLikeBaseline();
		long held = count("""
				select count(*) from ledger_account where code = 'DEDICATED_FACTOR_COLLECTIONS' and balance <> 0""");
		if (held != companies) {
			throw new IllegalStateException(held + " accounts hold collections before the run, expected " + companies);
		}

		if (profile) {
			// new connections (the deadlock count below closes the pool's) log every
			// statement with its duration, triggers' included, to the server log
			this.jdbc.execute("alter database " + database() + " set session_preload_libraries = 'auto_explain'");
			this.jdbc.execute("alter database " + database() + " set auto_explain.log_min_duration = 0");
			this.jdbc.execute("alter database " + database() + " set auto_explain.log_nested_statements = on");
			System.out.printf(Locale.ROOT, "PROFILE server_log_from=%s%n", java.time.Instant.now());
		}
		long deadlocksBefore = PerfApplication.serverDeadlocks(this.pool);
		awaitFullPool();
		long entriesBefore = count("select count(*) from journal_entry where source_type = 'SWEEP'");
		if (profile) {
			StatementTimings.profile(Thread.currentThread());
		}
		long cpu0 = processCpuNanos();
		long t0 = System.currentTimeMillis();
		long begin = System.nanoTime();
		UUID run = this.system.call(() -> this.sweeps.runScheduled(businessDate));
		long runNanos = System.nanoTime() - begin;
		long t1 = System.currentTimeMillis();
		long cpu = processCpuNanos() - cpu0;
		if (profile) {
			StatementTimings.stop();
			System.out.printf(Locale.ROOT, "PROFILE server_log_to=%s%n", java.time.Instant.now());
			this.jdbc.execute("alter database " + database() + " reset all");
		}
		long listenersNanos = awaitListeners() - begin;
		long deadlocks = PerfApplication.serverDeadlocks(this.pool) - deadlocksBefore;

		Map<String, Object> outcome = this.jdbc.queryForMap("""
				select accounts_swept, accounts_failed, accounts_skipped, total_swept, status
				from sweep_run where id = ?""", run);
		long entries = count("select count(*) from journal_entry where source_type = 'SWEEP'") - entriesBefore;
		long lines = count("""
				select count(*) from posting p join journal_entry e on e.id = p.entry_id
				where e.source_type = 'SWEEP' and e.effective_date = '%s'""".formatted(businessDate));
		long sweptLines = count("""
				select count(*) from sweep_line where run_id = '%s' and status = 'SWEPT'""".formatted(run));
		long left = count("""
				select count(*) from ledger_account where code = 'DEDICATED_FACTOR_COLLECTIONS' and balance <> 0""");
		long unswept = count("select count(*) from allocation where kind = 'COLLECTION' and sweep_line_id is null");
		long violations = count("select count(*) from ledger_invariant_violation");
		BigDecimal total = (BigDecimal) outcome.get("total_swept");
		double seconds = runNanos / 1e9;
		int swept = ((Number) outcome.get("accounts_swept")).intValue();
		System.out.printf(Locale.ROOT,
				"APP batch_size=%s accounts=%d swept=%d failed=%s skipped=%s status=%s run_s=%.3f entries_per_s=%.1f "
						+ "lines_per_s=%.1f entries=%d lines=%d sweep_lines=%d total_ok=%s left=%d unswept_allocations=%d "
						+ "listeners_done_s=%.3f deadlocks=%d invariant_violations=%d jvm_cpu_ms_per_account=%.3f "
						+ "t0=%.3f t1=%.3f%n",
				this.context.getEnvironment().getProperty("cessio.sweep.batch-size", "10"), companies, swept,
				outcome.get("accounts_failed"), outcome.get("accounts_skipped"), outcome.get("status"), seconds,
				entries / seconds, lines / seconds, entries, lines, sweptLines, total.compareTo(seeded) == 0, left,
				unswept, listenersNanos / 1e9, deadlocks, violations, cpu / 1e6 / Math.max(1, swept), t0 / 1e3,
				t1 / 1e3);
		if (profile) {
			StatementTimings.print("PROFILE", Math.max(1, swept), seconds);
		}
		return swept == companies && entries == companies && sweptLines == companies && left == 0 && unswept == 0
				&& violations == 0 && total.compareTo(seeded) == 0;
	}

	/**
	 * Until the pool has opened its idle connections again (counting deadlocks closed
	 * them), so that the run does not pay for connecting.
	 */
	private void awaitFullPool() {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.pool.getHikariPoolMXBean().getIdleConnections() < this.pool.getMinimumIdle()
				&& System.nanoTime() < deadline) {
			PerfApplication.sleep(50);
		}
	}

	/** Until every event publication is completed; returns System.nanoTime() then. */
	private long awaitListeners() {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (count("select count(*) from event_publication where completion_date is null") > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("event publications still open after 600 s");
			}
			PerfApplication.sleep(20);
		}
		return System.nanoTime();
	}

	/**
	 * What {@code ledger_reset.sql} does for the baseline, except the truncate: fresh
	 * statistics, no dead rows, a checkpoint.
	 */
	private void resetLikeBaseline() {
		for (String table : new String[] { "ledger_account", "journal_entry", "posting", "allocation", "company",
				"dedicated_account", "outgoing_transfer", "sweep_line", "sweep_run", "audit_event", "event_publication",
				"event_publication_archive", "statement_entry", "invoice" }) {
			this.jdbc.execute("vacuum analyze " + table);
		}
		this.jdbc.execute("checkpoint");
	}

	private String database() {
		return this.jdbc.queryForObject("select current_database()", String.class);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	/** CPU time used by this JVM (all threads, GC and JIT included). */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

}
