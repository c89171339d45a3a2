package io.cessio.perf;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.companies.AccountFixtures;
import io.cessio.platform.security.SystemActor;
import io.cessio.sweep.SweepManagement;

/**
 * The application side of the sweep crash test (BENCHMARKS.md R4 for the sweep):
 * {@code perf/sweep-crash-test.sh} seeds dedicated accounts holding identified
 * collections with it, then starts {@code run} again and again and kills it with
 * {@code kill -9} in the middle of the sweep. A plain {@code main}, not a test; no web
 * server, no schedulers ({@code cessio.jobs.enabled=false}), so only the sweep this
 * program calls moves money.
 *
 * <p>
 * Modes (first argument):
 * <ul>
 * <li>{@code seed N}: the factor's identity, then N companies with their dedicated
 * accounts and {@code --collections} identified collections each, written with bulk SQL
 * by {@link SweepBenchmarkData} (postings and allocation rows consistent: the
 * factor-collections balance of each account is Σ of its unswept COLLECTION allocations).
 * Prints {@code SEEDED accounts=N collections=… total=…};</li>
 * <li>{@code run}: one {@link SweepManagement#runScheduled} for {@code --date} as
 * {@code system}, as the scheduler calls it. Prints {@code RUNNING swept=…} just before
 * the call, {@code PROGRESS swept_total=… this_run=…} whenever the committed count of
 * SWEPT lines of the date grows (polled every 100 ms from another connection),
 * {@code FIRST after_jvm_start_s=…} when the first account of this run is committed (the
 * recovery time: restart + job resume), and {@code DONE run=… swept_this_run=…} at the
 * end ({@code FAILED …} and exit status 1 if the sweep throws).</li>
 * </ul>
 * Every connection carries {@code ApplicationName=cessio-crash-sweep-<mode>}, so that the
 * script can wait for a killed process's PostgreSQL backends to end before it counts.
 *
 * <p>
 * Options ({@code --name=value}): {@code --url} [{@code CRASH_DB_URL}], default
 * {@code jdbc:postgresql://127.0.0.1:5432/cessio_crash_sweep} (the name must start with
 * {@code cessio_crash_sweep}); {@code --user}, {@code --password}; {@code --collections}
 * (20); {@code --date} (the business date swept, 2026-12-01).
 */
public final class SweepCrashHarness {

	private final ConfigurableApplicationContext context;

	private final JdbcTemplate jdbc;

	private final LocalDate businessDate;

	private SweepCrashHarness(ConfigurableApplicationContext context, LocalDate businessDate) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.businessDate = businessDate;
	}

	public static void main(String[] args) {
		if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("run"))) {
			throw new IllegalArgumentException("usage: seed N [--option=value…] | run [--option=value…]");
		}
		String mode = args[0];
		int first = mode.equals("seed") ? 2 : 1;
		int accounts = mode.equals("seed") ? Integer.parseInt(args[1]) : 0;
		Map<String, String> options = PerfApplication.options(Arrays.copyOfRange(args, first, args.length));
		int collections = Integer.parseInt(PerfApplication.option(options, "collections", null, "20"));
		LocalDate businessDate = LocalDate.parse(PerfApplication.option(options, "date", null, "2026-12-01"));
		long startupBegin = System.nanoTime();
		int status = 0;
		try (ConfigurableApplicationContext context = PerfApplication.start(options, "CRASH_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/cessio_crash_sweep", "cessio_crash_sweep",
				"cessio-crash-sweep-" + mode, ctx -> {
				})) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f mode=%s%n", (System.nanoTime() - startupBegin) / 1e9,
					mode);
			SweepCrashHarness harness = new SweepCrashHarness(context, businessDate);
			if (mode.equals("seed")) {
				harness.seed(accounts, collections);
			}
			else if (!harness.run()) {
				status = 1;
			}
		}
		System.exit(status);
	}

	private void seed(int accounts, int collections) {
		if (count("select count(*) from dedicated_account") > 0) {
			throw new IllegalStateException("the database already has dedicated accounts: seed an empty one");
		}
		long begin = System.nanoTime();
		this.context.getAutowireCapableBeanFactory().createBean(AccountFixtures.class).ensureFactor();
		BigDecimal total = new SweepBenchmarkData(this.jdbc,
				new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class)))
			.seed(1, accounts, collections, this.businessDate);
		System.out.printf(Locale.ROOT, "SEEDED accounts=%d collections=%d total=%s s=%.1f%n", accounts,
				accounts * collections, total.toPlainString(), (System.nanoTime() - begin) / 1e9);
	}

	/** One sweep run, as the scheduler makes it; true if it returned. */
	private boolean run() {
		SweepManagement sweeps = this.context.getBean(SweepManagement.class);
		SystemActor system = this.context.getBean(SystemActor.class);
		long atStart = swept();
		System.out.printf(Locale.ROOT, "RUNNING swept=%d date=%s%n", atStart, this.businessDate);
		AtomicBoolean stop = new AtomicBoolean();
		Thread progress = new Thread(() -> reportProgress(atStart, stop), "crash-progress");
		progress.setDaemon(true);
		progress.start();
		long begin = System.nanoTime();
		try {
			UUID run = system.call(() -> sweeps.runScheduled(this.businessDate));
			stop.set(true);
			Map<String, Object> outcome = this.jdbc.queryForMap(
					"select status, accounts_swept, accounts_failed, accounts_skipped from sweep_run where id = ?",
					run);
			System.out.printf(Locale.ROOT,
					"DONE run=%s status=%s swept_this_run=%s failed=%s skipped=%s swept_total=%d run_s=%.1f%n", run,
					outcome.get("status"), outcome.get("accounts_swept"), outcome.get("accounts_failed"),
					outcome.get("accounts_skipped"), swept(), (System.nanoTime() - begin) / 1e9);
			return true;
		}
		catch (RuntimeException failure) {
			stop.set(true);
			System.out.println("FAILED " + failure.toString().replace('\n', ' '));
			return false;
		}
	}

	/** Polls the committed count of swept accounts, as another session sees it. */
	private void reportProgress(long atStart, AtomicBoolean stop) {
		long last = atStart;
		boolean first = true;
		while (!stop.get()) {
			try {
				long now = swept();
				if (now != last) {
					if (first) {
						long sinceJvmStart = System.currentTimeMillis()
								- ManagementFactory.getRuntimeMXBean().getStartTime();
						System.out.printf(Locale.ROOT, "FIRST after_jvm_start_s=%.1f%n", sinceJvmStart / 1e3);
						first = false;
					}
					System.out.printf(Locale.ROOT, "PROGRESS swept_total=%d this_run=%d%n", now, now - atStart);
					last = now;
				}
			}
			catch (RuntimeException ex) {
				// the connection may be gone (terminated backend): keep trying
				System.out.println("INFO progress query failed: " + ex.getClass().getSimpleName());
			}
			PerfApplication.sleep(100);
		}
	}

	private long swept() {
		return count("select count(*) from sweep_line where status = 'SWEPT' and business_date = '" + this.businessDate
				+ "'");
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
