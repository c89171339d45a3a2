package io.cessio.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.CessioApplication;
import io.cessio.audit.AuditTrail;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.JournalEntry;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.Posting;
import io.cessio.shared.Money;

/**
 * Postings per second through the ledger service, no HTTP (BENCHMARKS.md P1 and P2). A
 * plain {@code main} program, not a test: {@code perf/ledger-benchmark.sh} runs it next
 * to pgbench on the same PostgreSQL and compares the two.
 *
 * <p>
 * Each operation is one transaction that posts a balanced two-line entry through
 * {@link Ledger#post} and records an audit row through {@link AuditTrail#record}:
 * <ul>
 * <li>{@code spread}: debit {@code RECEIVABLES/bench-a}, credit
 * {@code CLIENT_CURRENT_ACCOUNT/bench-b}, a and b random in 1..accounts (about 1,000
 * accounts, like {@code posting.sql});</li>
 * <li>{@code hot}: debit the factor's one {@code FACTOR_BANK} account, credit a random
 * {@code CLIENT_CURRENT_ACCOUNT/bench-n} (like {@code posting_hot.sql}).</li>
 * </ul>
 * The accounts are created before measuring, the JVM is warmed up at full load, then each
 * worker count is measured for a fixed duration. One line per measurement: <pre>
 * APP scenario=spread workers=4 ops=… tps=… p50_ms=… p95_ms=… p99_ms=… errors=0 deadlocks=0 …
 * </pre>
 *
 * <p>
 * Options ({@code --name=value}, or the environment variable in brackets):
 * <ul>
 * <li>{@code --url} [{@code BENCH_DB_URL}], default
 * {@code jdbc:postgresql://127.0.0.1:5432/cessio_bench}: the database name must start
 * with {@code cessio_bench}; Flyway migrates it at startup;</li>
 * <li>{@code --user} [{@code BENCH_DB_USER}, postgres], {@code --password}
 * [{@code BENCH_DB_PASSWORD}];</li>
 * <li>{@code --scenario} (spread|hot), {@code --workers} (1,4), {@code --duration}
 * (seconds per measurement, 20), {@code --warmup} (seconds at the highest worker count,
 * 10), {@code --accounts} (500 per side);</li>
 * <li>{@code --control=stdin}: stay up and take commands
 * {@code run SCENARIO WORKERS DURATION WARMUP} (each answered by the {@code APP} lines
 * and {@code DONE}) until {@code quit}, so that the script starts one JVM for all its
 * rounds;</li>
 * <li>{@code --profile=true}: wrap the data source to count JDBC round trips, and after
 * the measurements post 200 more entries and print {@code PROFILE} lines (round trips and
 * statements per operation); {@code --workers=none} skips the measurements. The wrapper
 * is installed only in this mode.</li>
 * </ul>
 */
public final class LedgerPostingBenchmark {

	private static final LocalDate EFFECTIVE_DATE = LocalDate.of(2026, 11, 2);

	private final Ledger ledger;

	private final AuditTrail auditTrail;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final HikariDataSource pool;

	private final int accounts;

	private final Set<String> accountsCreated = new HashSet<>();

	private LedgerPostingBenchmark(ConfigurableApplicationContext context, int accounts) {
		this.ledger = context.getBean(Ledger.class);
		this.auditTrail = context.getBean(AuditTrail.class);
		this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		DataSource dataSource = context.getBean(DataSource.class);
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.pool = dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("expected a Hikari pool", ex);
		}
		this.accounts = accounts;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String url = option(options, "url", "BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cessio_bench");
		String database = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
		if (!database.startsWith("cessio_bench")) {
			// the benchmark writes thousands of entries: never into a real or test
			// database
			throw new IllegalArgumentException("the benchmark database must be named cessio_bench*, not " + database);
		}
		String scenario = scenario(option(options, "scenario", null, "spread"));
		int[] workerCounts = workerCounts(option(options, "workers", null, "1,4"));
		int duration = Integer.parseInt(option(options, "duration", null, "20"));
		int warmup = Integer.parseInt(option(options, "warmup", null, "10"));
		int accounts = Integer.parseInt(option(options, "accounts", null, "500"));
		boolean profile = Boolean.parseBoolean(option(options, "profile", null, "false"));
		boolean control = option(options, "control", null, "").equals("stdin");

		long startupBegin = System.nanoTime();
		SpringApplication application = CessioApplication.application();
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(context -> {
			// this class sits on the test classpath: keep test configurations (which
			// would point the app at the test database) out of the component scan
			context.getBeanFactory().registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses());
			// without a web server there is no HttpSecurity: drop the URL rules, keep
			// everything else (method security included)
			context.addBeanFactoryPostProcessor(new WithoutWebSecurity());
			if (profile) {
				context.getBeanFactory().addBeanPostProcessor(new CountRoundTrips());
			}
		});
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", option(options, "user", "BENCH_DB_USER", "postgres"));
		properties.put("spring.datasource.password", option(options, "password", "BENCH_DB_PASSWORD", ""));
		properties.put("cessio.database.create-if-missing", "false");
		properties.put("logging.level.root", "WARN");
		application.setDefaultProperties(properties);
		// command-line style so that they win over application.properties and the
		// environment
		List<String> springArgs = new ArrayList<>();
		properties.forEach((key, value) -> springArgs.add("--" + key + "=" + value));
		try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f database=%s%n",
					(System.nanoTime() - startupBegin) / 1e9, database);
			LedgerPostingBenchmark benchmark = new LedgerPostingBenchmark(context, accounts);
			benchmark.checkDatabase(database);
			if (!control) {
				benchmark.measure(scenario, workerCounts, duration, warmup);
				if (profile) {
					benchmark.profile(scenario);
				}
				return;
			}
			// driven by perf/ledger-benchmark.sh between its pgbench runs:
			// "run SCENARIO WORKERS DURATION WARMUP" ... "quit"; each run ends with DONE
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			System.out.println("READY");
			for (String command = commands.readLine(); command != null; command = commands.readLine()) {
				String[] words = command.trim().split("\\s+");
				if (words[0].equals("quit")) {
					break;
				}
				try {
					if (!words[0].equals("run") || words.length != 5) {
						throw new IllegalArgumentException("run SCENARIO WORKERS DURATION WARMUP | quit: " + command);
					}
					benchmark.measure(scenario(words[1]), workerCounts(words[2]), Integer.parseInt(words[3]),
							Integer.parseInt(words[4]));
					System.out.println("DONE");
				}
				catch (RuntimeException ex) {
					System.out.println("FAILED " + ex);
				}
			}
		}
	}

	private static String scenario(String scenario) {
		if (!scenario.equals("spread") && !scenario.equals("hot")) {
			throw new IllegalArgumentException("the scenario is spread or hot: " + scenario);
		}
		return scenario;
	}

	private static int[] workerCounts(String list) {
		return list.equals("none") ? new int[0]
				: Arrays.stream(list.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
	}

	/**
	 * Creates the scenario's accounts (first time only), warms up at the highest worker
	 * count, then measures each worker count; one {@code APP} line each.
	 */
	private void measure(String scenario, int[] workerCounts, int duration, int warmup) throws InterruptedException {
		if (this.accountsCreated.add(scenario)) {
			long created = System.nanoTime();
			createAccounts(scenario);
			System.out.printf(Locale.ROOT, "INFO scenario=%s accounts=%d created_in_s=%.1f%n", scenario, accountCount(),
					(System.nanoTime() - created) / 1e9);
		}
		int maxWorkers = Arrays.stream(workerCounts).max().orElse(4);
		Result warm = run(scenario, maxWorkers, warmup);
		System.out.printf(Locale.ROOT, "WARMUP scenario=%s workers=%d seconds=%d ops=%d tps=%.1f errors=%d%n", scenario,
				maxWorkers, warmup, warm.ops, warm.tps(), warm.errors);
		for (int workers : workerCounts) {
			resetLikeBaseline();
			long deadlocksBefore = serverDeadlocks();
			long t0 = System.currentTimeMillis();
			long cpu0 = processCpuNanos();
			Result result = run(scenario, workers, duration);
			long cpu = processCpuNanos() - cpu0;
			long t1 = System.currentTimeMillis();
			long deadlocks = serverDeadlocks() - deadlocksBefore;
			long violations = invariantViolations();
			System.out.println(result.line(scenario, workers, deadlocks, violations)
					+ String.format(Locale.ROOT, " jvm_cpu_ms_per_op=%.3f t0=%.3f t1=%.3f",
							(result.ops == 0) ? Double.NaN : cpu / 1e6 / result.ops, t0 / 1e3, t1 / 1e3));
		}
	}

	/** CPU time used by this JVM (all threads, GC and JIT included). */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** Refuses to run anywhere but the dedicated database (belt and braces). */
	private void checkDatabase(String expected) {
		String actual = this.jdbc.queryForObject("select current_database()", String.class);
		if (!expected.equals(actual)) {
			throw new IllegalStateException("connected to " + actual + ", expected " + expected);
		}
	}

	/**
	 * One posting per account, so that no account is created while measuring: the first
	 * alone (it may create the shared account), the others on 4 threads.
	 */
	private void createAccounts(String scenario) throws InterruptedException {
		createAccount(scenario, 1);
		AtomicLong next = new AtomicLong(2);
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				for (long n = next.getAndIncrement(); n <= this.accounts; n = next.getAndIncrement()) {
					createAccount(scenario, n);
				}
			}, "bench-accounts-" + t);
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private void createAccount(String scenario, long n) {
		AccountRef debit = scenario.equals("hot") ? AccountRef.factor(AccountCode.FACTOR_BANK)
				: AccountRef.of(AccountCode.RECEIVABLES, "bench-" + n);
		AccountRef credit = AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT, "bench-" + n);
		this.transaction.executeWithoutResult(status -> postWithAudit(debit, credit));
	}

	private long accountCount() {
		return this.jdbc.queryForObject("select count(*) from ledger_account where counterparty like 'bench-%'",
				Long.class);
	}

	/** The operation measured: one transaction, one two-line entry, one audit row. */
	private void operation(String scenario) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		AccountRef debit = scenario.equals("hot") ? AccountRef.factor(AccountCode.FACTOR_BANK)
				: AccountRef.of(AccountCode.RECEIVABLES, "bench-" + (1 + random.nextInt(this.accounts)));
		AccountRef credit = AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT,
				"bench-" + (1 + random.nextInt(this.accounts)));
		this.transaction.executeWithoutResult(status -> postWithAudit(debit, credit));
	}

	private void postWithAudit(AccountRef debit, AccountRef credit) {
		// the baseline's amounts: 1.00 to 100,000.00
		Money amount = Money
			.eur(BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(100, 10_000_001), 2).setScale(2));
		long id = this.ledger.post(new JournalEntry("BENCH", UUID.randomUUID().toString(), EFFECTIVE_DATE, "bench",
				List.of(Posting.debit(debit, amount), Posting.credit(credit, amount))));
		this.auditTrail.record("BENCH_POSTING", "JOURNAL_ENTRY", String.valueOf(id),
				"bench posting " + amount + " " + debit + " -> " + credit);
	}

	/**
	 * What {@code ledger_reset.sql} does for the baseline, except the truncate (the
	 * ledger is append-only): fresh statistics, no dead rows, a checkpoint.
	 */
	private void resetLikeBaseline() {
		this.jdbc.execute("vacuum analyze ledger_account");
		this.jdbc.execute("vacuum analyze journal_entry");
		this.jdbc.execute("vacuum analyze posting");
		this.jdbc.execute("vacuum analyze audit_event");
		this.jdbc.execute("checkpoint");
	}

	/**
	 * Deadlocks PostgreSQL counted in this database. Backends publish their counters when
	 * idle for a while or when they exit, so the pool's connections are closed first.
	 */
	private long serverDeadlocks() throws InterruptedException {
		this.pool.getHikariPoolMXBean().softEvictConnections();
		Thread.sleep(1000);
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			var rows = statement
				.executeQuery("select deadlocks from pg_stat_database where datname = current_database()");
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long invariantViolations() {
		return this.jdbc.queryForObject("select count(*) from ledger_invariant_violation", Long.class);
	}

	/**
	 * {@code workers} threads post back to back for {@code seconds}; every operation's
	 * latency is kept.
	 */
	private Result run(String scenario, int workers, int seconds) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(workers);
		CountDownLatch go = new CountDownLatch(1);
		AtomicLong errors = new AtomicLong();
		AtomicLong deadlocks = new AtomicLong();
		List<String> firstErrors = new ArrayList<>();
		long[][] latencies = new long[workers][];
		int[] counts = new int[workers];
		long[] stopTimes = new long[workers];
		long[] start = new long[1];
		Thread[] threads = new Thread[workers];
		for (int w = 0; w < workers; w++) {
			int worker = w;
			threads[w] = new Thread(() -> {
				long[] mine = new long[1 << 16];
				int count = 0;
				ready.countDown();
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long end = start[0] + seconds * 1_000_000_000L;
				long now = System.nanoTime();
				while (now < end) {
					long begin = now;
					try {
						operation(scenario);
						now = System.nanoTime();
						if (count == mine.length) {
							mine = Arrays.copyOf(mine, count * 2);
						}
						mine[count++] = now - begin;
					}
					catch (RuntimeException ex) {
						now = System.nanoTime();
						errors.incrementAndGet();
						if (isDeadlock(ex)) {
							deadlocks.incrementAndGet();
						}
						synchronized (firstErrors) {
							if (firstErrors.size() < 3) {
								firstErrors.add(ex.toString());
							}
						}
					}
				}
				latencies[worker] = mine;
				counts[worker] = count;
				stopTimes[worker] = now;
			}, "bench-worker-" + w);
			threads[w].start();
		}
		ready.await();
		start[0] = System.nanoTime();
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		long stop = Arrays.stream(stopTimes).max().orElse(start[0]);
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int w = 0; w < workers; w++) {
			System.arraycopy(latencies[w], 0, all, at, counts[w]);
			at += counts[w];
		}
		Arrays.sort(all);
		firstErrors.forEach(error -> System.out.println("ERROR " + error));
		return new Result(total, (stop - start[0]) / 1e9, all, errors.get(), deadlocks.get());
	}

	private static boolean isDeadlock(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts JDBC calls that reach the server, per operation, over 200 operations (only
	 * in {@code --profile=true} runs, where the data source is wrapped).
	 */
	private void profile(String scenario) {
		int operations = 200;
		CountRoundTrips.reset();
		for (int i = 0; i < operations; i++) {
			operation(scenario);
		}
		StringBuilder line = new StringBuilder("PROFILE scenario=" + scenario + " operations=" + operations);
		CountRoundTrips.snapshot()
			.forEach((call, n) -> line.append(String.format(Locale.ROOT, " %s=%.2f", call, n / (double) operations)));
		System.out.println(line);
		CountRoundTrips.statements()
			.forEach((sql, n) -> System.out.printf(Locale.ROOT, "PROFILE_SQL per_op=%.2f sql=%s%n",
					n / (double) operations, sql));
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --name=value: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	private static String option(Map<String, String> options, String name, String env, String fallback) {
		if (options.containsKey(name)) {
			return options.get(name);
		}
		String value = (env != null) ? System.getenv(env) : null;
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	/** The outcome of one measured run. */
	private record Result(long ops, double seconds, long[] sortedNanos, long errors, long clientDeadlocks) {

		double tps() {
			return this.ops / this.seconds;
		}

		double percentileMs(double p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * this.sortedNanos.length) - 1;
			return this.sortedNanos[Math.max(0, Math.min(index, this.sortedNanos.length - 1))] / 1e6;
		}

		String line(String scenario, int workers, long serverDeadlocks, long violations) {
			double mean = Arrays.stream(this.sortedNanos).average().orElse(Double.NaN) / 1e6;
			return String.format(Locale.ROOT,
					"APP scenario=%s workers=%d ops=%d seconds=%.2f tps=%.1f mean_ms=%.3f p50_ms=%.3f p95_ms=%.3f "
							+ "p99_ms=%.3f max_ms=%.3f errors=%d client_deadlocks=%d deadlocks=%d invariant_violations=%d",
					scenario, workers, this.ops, this.seconds, tps(), mean, percentileMs(50), percentileMs(95),
					percentileMs(99),
					this.sortedNanos.length == 0 ? Double.NaN : this.sortedNanos[this.sortedNanos.length - 1] / 1e6,
					this.errors, this.clientDeadlocks, serverDeadlocks, violations);
		}

	}

	/**
	 * Removes the web security filter chain, which needs the servlet stack that a
	 * {@code none} application does not have.
	 */
	static final class WithoutWebSecurity implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			// the configuration classes are not parsed yet: see postProcessBeanFactory
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			for (String name : registry.getBeanDefinitionNames()) {
				if (registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated
						&& annotated.getFactoryMethodMetadata() != null && SecurityFilterChain.class.getName()
							.equals(annotated.getFactoryMethodMetadata().getReturnTypeName())) {
					registry.removeBeanDefinition(name);
					System.out.println("INFO no web server: bean " + name + " (SecurityFilterChain) left out");
				}
			}
		}

	}

	/** Leaves every class compiled from src/test out of the application's scan. */
	static final class ExcludeTestClasses extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
				throws IOException {
			String location = metadataReader.getResource().getURI().toString();
			return location.contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

	/**
	 * Wraps the data source so that every statement execution, batch execution, commit
	 * and rollback is counted: each is one round trip to PostgreSQL (a batch is sent with
	 * one sync).
	 */
	static final class CountRoundTrips implements BeanPostProcessor {

		private static final Map<String, AtomicLong> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

		private static final Map<String, AtomicLong> SQL = new java.util.concurrent.ConcurrentHashMap<>();

		static void reset() {
			CALLS.clear();
			SQL.clear();
		}

		static Map<String, Long> snapshot() {
			Map<String, Long> copy = new java.util.TreeMap<>();
			CALLS.forEach((call, n) -> copy.put(call, n.get()));
			copy.put("round_trips",
					copy.entrySet()
						.stream()
						.filter(e -> !e.getKey().equals("addBatch") && !e.getKey().equals("getConnection"))
						.mapToLong(Map.Entry::getValue)
						.sum());
			return copy;
		}

		static Map<String, Long> statements() {
			Map<String, Long> copy = new java.util.TreeMap<>();
			SQL.forEach((sql, n) -> copy.put(sql, n.get()));
			return copy;
		}

		private static void count(String call) {
			CALLS.computeIfAbsent(call, c -> new AtomicLong()).incrementAndGet();
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource hikari) {
				return new DelegatingDataSource(hikari) {
					@Override
					public Connection getConnection() throws SQLException {
						count("getConnection");
						return connection(super.getConnection());
					}

					@Override
					public Connection getConnection(String username, String password) throws SQLException {
						count("getConnection");
						return connection(super.getConnection(username, password));
					}
				};
			}
			return bean;
		}

		private static Connection connection(Connection target) {
			return (Connection) Proxy.newProxyInstance(LedgerPostingBenchmark.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						switch (method.getName()) {
							case "commit", "rollback" -> count(method.getName());
							case "setAutoCommit" -> {
								// a switch back to auto-commit inside a transaction
								// commits
							}
							default -> {
							}
						}
						Object result = invoke(target, method, args);
						if (result instanceof Statement statement) {
							String sql = (args != null && args.length > 0 && args[0] instanceof String s)
									? s.replaceAll("\\s+", " ").trim() : "(plain statement)";
							return statement(statement, sql, method.getReturnType());
						}
						return result;
					});
		}

		private static Object statement(Statement target, String sql, Class<?> type) {
			InvocationHandler handler = (proxy, method, args) -> {
				String name = method.getName();
				if (name.startsWith("execute")) {
					count(name);
					String text = (args != null && args.length > 0 && args[0] instanceof String s)
							? s.replaceAll("\\s+", " ").trim() : sql;
					SQL.computeIfAbsent(name + ": " + abbreviate(text), c -> new AtomicLong()).incrementAndGet();
				}
				else if (name.equals("addBatch")) {
					count(name);
				}
				return invoke(target, method, args);
			};
			return Proxy.newProxyInstance(LedgerPostingBenchmark.class.getClassLoader(), new Class<?>[] { type },
					handler);
		}

		private static String abbreviate(String sql) {
			return sql.length() <= 110 ? sql : sql.substring(0, 107) + "...";
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
