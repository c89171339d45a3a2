package io.cessio.perf;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.cessio.Acting;
import io.cessio.CessioApplication;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorDetails;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.invoices.ImportError;
import io.cessio.invoices.ImportRejected;
import io.cessio.invoices.ImportResult;
import io.cessio.invoices.InvoiceImports;
import io.cessio.platform.security.Role;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * Invoice CSV import through the application, no HTTP (BENCHMARKS.md P4). A plain
 * {@code main} program, not a test: {@code perf/invoice-import-benchmark.sh} drives it
 * through its stdin and times PostgreSQL's {@code \copy} of the same rows into the same
 * {@code invoice} table in between.
 *
 * <p>
 * At startup it boots the application context without a web server on the dedicated
 * database (migrated by Flyway), creates a company, one of its users
 * ({@code COMPANY_USER}) and registers {@code --debtors} debtors through
 * {@link DebtorManagement#register} as that user. Then it answers these commands, one per
 * line, each ended by {@code DONE} (or {@code FAILED …}):
 * <ul>
 * <li>{@code prepare ROUND}: writes {@code round-ROUND.csv} (the import file: header
 * {@code numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc},
 * dates dd/MM/yyyy, French decimals) and {@code round-ROUND.tsv} (the same rows as
 * {@code invoice} rows in COPY text format, {@code created_by = 'copy-baseline'}) into
 * the work directory; seeded, so every run writes the same files; numbers are
 * {@code R<round>-<line>}, unique per round; answers {@code PREPARED csv=… tsv=…};</li>
 * <li>{@code existing N}: writes {@code existing.tsv}, N invoices of the same company
 * ({@code created_by = 'bench-existing'}, numbers {@code E-<n>}) that the script COPYs in
 * once, so that the duplicate check runs against a populated table;</li>
 * <li>{@code import ROUND}: imports {@code round-ROUND.csv} with
 * {@link InvoiceImports#importCsv} as the company user, timed end to end, heap sampled
 * every 50 ms; prints an {@code APP} line, then deletes the imported rows (the audit row
 * stays: audit_event is append-only);</li>
 * <li>{@code badline}: a copy of a fresh file whose line 99 990 has the issue date
 * 30/02/2026 must be refused ({@link ImportRejected}) and leave the invoice count
 * unchanged; prints {@code R5 bad line at scale: rejected=…, rows_left=…};</li>
 * <li>{@code profile ROUND} (only with {@code --profile=true}, which wraps the data
 * source): one more import with every JDBC statement and the COPY stream timed; prints
 * {@code PROFILE} lines (a timeline of the import's phases);</li>
 * <li>{@code quit}.</li>
 * </ul>
 *
 * <p>
 * Options ({@code --name=value}, or the environment variable in brackets): {@code --url}
 * [{@code BENCH_DB_URL}], default {@code jdbc:postgresql://127.0.0.1:5432/cessio_bench}
 * (the database name must start with {@code cessio_bench}); {@code --user}
 * [{@code BENCH_DB_USER}, postgres]; {@code --password} [{@code BENCH_DB_PASSWORD}];
 * {@code --lines} (100000); {@code --debtors} (2000); {@code --seed} (20261102);
 * {@code --work} (target/invoice-import-benchmark); {@code --profile} (false).
 */
public final class InvoiceImportBenchmark {

	private static final String HEADER = "numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc";

	/** The file line (header = line 1) that the all-or-nothing check breaks. */
	private static final int BAD_LINE = 99_990;

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2026, 1, 2);

	private static final BigDecimal VAT_RATE = new BigDecimal("0.20");

	private static final int[] PAYMENT_TERMS_DAYS = { 30, 45, 60, 90 };

	private static final double MB = 1024.0 * 1024.0;

	private final ConfigurableApplicationContext context;

	private final InvoiceImports imports;

	private final Acting acting;

	private final JdbcTemplate jdbc;

	private final Path work;

	private final int lines;

	private final long seed;

	private final String createdAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
		.format(Instant.now().atOffset(ZoneOffset.UTC));

	private CompanyId company;

	private String user;

	private final List<String> debtorSirens = new ArrayList<>();

	private final List<UUID> debtorIds = new ArrayList<>();

	private InvoiceImportBenchmark(ConfigurableApplicationContext context, Path work, int lines, long seed) {
		this.context = context;
		this.imports = context.getBean(InvoiceImports.class);
		this.acting = new Acting(context.getBean(UserDetailsService.class));
		this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		this.work = work;
		this.lines = lines;
		this.seed = seed;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String url = option(options, "url", "BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cessio_bench");
		String database = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
		if (!database.startsWith("cessio_bench")) {
			// the benchmark writes and deletes hundreds of thousands of invoices: never
			// in a real or test database
			throw new IllegalArgumentException("the benchmark database must be named cessio_bench*, not " + database);
		}
		int lines = Integer.parseInt(option(options, "lines", null, "100000"));
		int debtors = Integer.parseInt(option(options, "debtors", null, "2000"));
		long seed = Long.parseLong(option(options, "seed", null, "20261102"));
		Path work = Path.of(option(options, "work", null, "target/invoice-import-benchmark"));
		boolean profile = Boolean.parseBoolean(option(options, "profile", null, "false"));
		Files.createDirectories(work);

		long startupBegin = System.nanoTime();
		SpringApplication application = CessioApplication.application();
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(context -> {
			// this class sits on the test classpath: keep test configurations (which
			// would point the app at the test database) out of the component scan
			context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new LedgerPostingBenchmark.ExcludeTestClasses());
			// without a web server there is no HttpSecurity: drop the URL rules, keep
			// method security
			context.addBeanFactoryPostProcessor(new LedgerPostingBenchmark.WithoutWebSecurity());
			if (profile) {
				context.getBeanFactory().addBeanPostProcessor(new TraceJdbc());
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
		List<String> springArgs = new ArrayList<>();
		properties.forEach((key, value) -> springArgs.add("--" + key + "=" + value));
		try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f database=%s max_heap_mb=%.0f%n",
					(System.nanoTime() - startupBegin) / 1e9, database,
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB);
			InvoiceImportBenchmark benchmark = new InvoiceImportBenchmark(context, work, lines, seed);
			benchmark.checkDatabase(database);
			benchmark.setUp(debtors);
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			System.out.println("READY");
			for (String command = commands.readLine(); command != null; command = commands.readLine()) {
				String[] words = command.trim().split("\\s+");
				if (words[0].equals("quit")) {
					break;
				}
				try {
					switch (words[0]) {
						case "prepare" -> benchmark.prepare(Integer.parseInt(words[1]));
						case "existing" -> benchmark.existing(Integer.parseInt(words[1]));
						case "import" -> benchmark.measure(Integer.parseInt(words[1]));
						case "badline" -> benchmark.badLine();
						case "profile" -> {
							if (!profile) {
								throw new IllegalStateException("profile needs --profile=true");
							}
							benchmark.profile(Integer.parseInt(words[1]));
						}
						default -> throw new IllegalArgumentException(
								"prepare R | existing N | import R | badline | profile R | quit: " + command);
					}
					System.out.println("DONE");
				}
				catch (RuntimeException ex) {
					System.out.println("FAILED " + ex.toString().replace('\n', ' '));
				}
			}
		}
	}

	/** Refuses to run anywhere but the dedicated database (belt and braces). */
	private void checkDatabase(String expected) {
		String actual = this.jdbc.queryForObject("select current_database()", String.class);
		if (!expected.equals(actual)) {
			throw new IllegalStateException("connected to " + actual + ", expected " + expected);
		}
	}

	/** The company, its user and its debtors, through the application's own services. */
	private void setUp(int debtors) {
		long begin = System.nanoTime();
		AccountFixtures fixtures = this.context.getAutowireCapableBeanFactory().createBean(AccountFixtures.class);
		this.company = fixtures.aCompany();
		this.user = fixtures.aUser(Role.COMPANY_USER, this.company);
		DebtorManagement debtorManagement = this.context.getBean(DebtorManagement.class);
		Random random = new Random(this.seed);
		Set<String> sirens = new HashSet<>();
		while (sirens.size() < debtors) {
			String siren = siren(random);
			if (sirens.add(siren)) {
				this.debtorSirens.add(siren);
			}
		}
		as(() -> {
			for (int n = 0; n < this.debtorSirens.size(); n++) {
				DebtorId id = debtorManagement.register(this.company,
						new DebtorDetails(String.format(Locale.ROOT, "DEBITEUR %04d SAS", n + 1),
								Siren.of(this.debtorSirens.get(n)),
								new PostalAddress(n + " avenue de la Bourse", "75002", "Paris", "FR"),
								"compta" + (n + 1) + "@debiteur.example"));
				this.debtorIds.add(id.value());
			}
			return null;
		});
		System.out.printf(Locale.ROOT, "INFO setup_s=%.1f company=%s user=%s debtors=%d lines=%d seed=%d%n",
				(System.nanoTime() - begin) / 1e9, this.company, this.user, this.debtorIds.size(), this.lines,
				this.seed);
	}

	private <T> T as(Supplier<T> action) {
		return this.acting.as(this.user, action);
	}

	/** A valid SIREN: 8 random digits and the Luhn check digit. */
	private static String siren(Random random) {
		String digits = String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
		for (int check = 0; check < 10; check++) {
			if (Siren.isValid(digits + check)) {
				return digits + check;
			}
		}
		throw new IllegalStateException("no check digit for " + digits);
	}

	private Path csvFile(String name) {
		return this.work.resolve(name + ".csv");
	}

	private Path tsvFile(String name) {
		return this.work.resolve(name + ".tsv");
	}

	private void prepare(int round) {
		String name = "round-" + round;
		long begin = System.nanoTime();
		write(name, "R" + round + "-", this.lines, this.seed * 31 + round, true, "copy-baseline");
		System.out.printf(Locale.ROOT, "PREPARED round=%d csv=%s tsv=%s lines=%d csv_mb=%.1f tsv_mb=%.1f s=%.1f%n",
				round, csvFile(name), tsvFile(name), this.lines, size(csvFile(name)) / MB, size(tsvFile(name)) / MB,
				(System.nanoTime() - begin) / 1e9);
	}

	private void existing(int count) {
		write("existing", "E-", count, this.seed * 31 - 1, false, "bench-existing");
		System.out.printf(Locale.ROOT, "PREPARED existing tsv=%s rows=%d%n", tsvFile("existing"), count);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes {@code count} invoices (one in twenty a credit note) over the debtors as the
	 * import file and, line for line, as the {@code invoice} rows a COPY would write: the
	 * same ids are not possible (the app draws its own), everything else is the same.
	 */
	private void write(String name, String numberPrefix, int count, long fileSeed, boolean withCsv, String createdBy) {
		Random random = new Random(fileSeed);
		String companyId = this.company.value().toString();
		try (BufferedWriter tsv = Files.newBufferedWriter(tsvFile(name), StandardCharsets.UTF_8);
				BufferedWriter csv = withCsv ? Files.newBufferedWriter(csvFile(name), StandardCharsets.UTF_8) : null) {
			if (csv != null) {
				csv.write(HEADER);
				csv.write('\n');
			}
			for (int n = 1; n <= count; n++) {
				int debtor = random.nextInt(this.debtorIds.size());
				boolean creditNote = random.nextInt(20) == 0;
				String number = numberPrefix + String.format(Locale.ROOT, "%07d", n);
				LocalDate issue = FIRST_ISSUE_DATE.plusDays(random.nextInt(300));
				LocalDate due = issue.plusDays(PAYMENT_TERMS_DAYS[random.nextInt(PAYMENT_TERMS_DAYS.length)]);
				BigDecimal excl = BigDecimal.valueOf(10_000 + random.nextInt(9_990_001), 2);
				BigDecimal vat = excl.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_EVEN);
				BigDecimal incl = excl.add(vat);
				if (csv != null) {
					csv.write(number + ";" + (creditNote ? "AVOIR" : "FACTURE") + ";" + this.debtorSirens.get(debtor)
							+ ";" + FRENCH_DATE.format(issue) + ";" + FRENCH_DATE.format(due) + ";" + french(excl) + ";"
							+ french(vat) + ";" + french(incl) + "\n");
				}
				UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
						(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
				tsv.write(id + "\t" + companyId + "\t" + this.debtorIds.get(debtor) + "\t"
						+ (creditNote ? "CREDIT_NOTE" : "INVOICE") + "\t" + number + "\t" + issue + "\t" + due + "\t"
						+ excl.toPlainString() + "\t" + vat.toPlainString() + "\t" + incl.toPlainString()
						+ "\tEUR\tOPEN\tCSV\t" + this.createdAt + "\t" + createdBy + "\t0\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code 12 345,67}: a space between thousands, a decimal comma. */
	private static String french(BigDecimal amount) {
		String plain = amount.toPlainString();
		int dot = plain.indexOf('.');
		String units = plain.substring(0, dot);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < units.length(); i++) {
			if (i > 0 && (units.length() - i) % 3 == 0) {
				grouped.append(' ');
			}
			grouped.append(units.charAt(i));
		}
		return grouped + "," + plain.substring(dot + 1);
	}

	/** One measured import: wall time, heap growth, the JVM's CPU; then its rows go. */
	private void measure(int round) {
		Path csv = csvFile("round-" + round);
		long before = invoiceCount();
		HeapWatch heap = new HeapWatch();
		long cpu0 = processCpuNanos();
		long t0 = System.currentTimeMillis();
		long begin = System.nanoTime();
		ImportResult result;
		try {
			result = as(() -> this.imports.importCsv(this.company, new FileSystemResource(csv),
					csv.getFileName().toString()));
		}
		finally {
			heap.stop();
		}
		long end = System.nanoTime();
		long t1 = System.currentTimeMillis();
		long cpu1 = processCpuNanos();
		long stored = invoiceCount() - before;
		if (result.items() != this.lines || stored != this.lines) {
			throw new IllegalStateException(
					"imported " + result.items() + " items, " + stored + " new rows, expected " + this.lines);
		}
		double seconds = (end - begin) / 1e9;
		System.out.printf(Locale.ROOT,
				"APP round=%d rows=%d seconds=%.3f rows_per_s=%.0f heap_base_mb=%.1f heap_peak_mb=%.1f "
						+ "heap_growth_mb=%.1f live_after_gc_max_mb=%s retained_mb=%s gcs=%d jvm_cpu_s=%.2f t0=%.3f t1=%.3f%n",
				round, stored, seconds, stored / seconds, heap.baseline / MB, heap.peak() / MB,
				(heap.peak() - heap.baseline) / MB,
				heap.liveAfterGc() < 0 ? "nan" : String.format(Locale.ROOT, "%.1f", heap.liveAfterGc() / MB),
				heap.liveAfterGc() < 0 ? "nan"
						: String.format(Locale.ROOT, "%.1f", (heap.liveAfterGc() - heap.baseline) / MB),
				heap.collections(), (cpu1 - cpu0) / 1e9, t0 / 1e3, t1 / 1e3);
		deleteImport(result.importId());
	}

	private void deleteImport(UUID importId) {
		int deleted = this.jdbc.update("delete from invoice where import_id = ?", importId);
		System.out.println("INFO deleted " + deleted + " imported rows (audit rows stay)");
	}

	private long invoiceCount() {
		return this.jdbc.queryForObject("select count(*) from invoice", Long.class);
	}

	/**
	 * All or nothing at scale: one wrong date near the end of a full-size file must
	 * refuse the whole file and store nothing.
	 */
	private void badLine() {
		String name = "badline";
		write(name, "R5-", this.lines, this.seed * 31 - 5, true, "copy-baseline");
		int badLine = Math.min(BAD_LINE, this.lines + 1 - 10);
		Path csv = csvFile(name);
		try {
			List<String> content = Files.readAllLines(csv, StandardCharsets.UTF_8);
			String[] cells = content.get(badLine - 1).split(";", -1);
			cells[3] = "30/02/2026";
			content.set(badLine - 1, String.join(";", cells));
			Files.write(csv, content, StandardCharsets.UTF_8);
			Files.deleteIfExists(tsvFile(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long before = invoiceCount();
		long begin = System.nanoTime();
		int rejected = 0;
		String detail = "accepted";
		try {
			ImportResult result = as(() -> this.imports.importCsv(this.company, new FileSystemResource(csv),
					csv.getFileName().toString()));
			deleteImport(result.importId());
		}
		catch (ImportRejected ex) {
			rejected = 1;
			ImportError first = ex.errors().isEmpty() ? null : ex.errors().get(0);
			detail = "errors=" + ex.errorCount() + " first_error="
					+ (first == null ? "-" : first.line() + ":" + first.column() + ":" + first.messageKey());
			if (ex.errorCount() != 1 || first == null || first.line() != badLine) {
				rejected = 0;
				detail += " (expected exactly one error, at line " + badLine + ")";
			}
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		long rowsLeft = invoiceCount() - before;
		System.out.printf(Locale.ROOT, "R5 bad line at scale: rejected=%d, rows_left=%d%n", rejected, rowsLeft);
		System.out.printf(Locale.ROOT, "INFO R5 line=%d lines=%d seconds=%.2f %s%n", badLine, this.lines, seconds,
				detail);
	}

	/**
	 * One import with its JDBC statements and the COPY stream timed: where the time goes.
	 */
	private void profile(int round) {
		Path csv = csvFile("round-" + round);
		TraceJdbc.start();
		long begin = System.nanoTime();
		ImportResult result;
		try {
			result = as(() -> this.imports.importCsv(this.company, new FileSystemResource(csv),
					csv.getFileName().toString()));
		}
		finally {
			TraceJdbc.stop();
		}
		long end = System.nanoTime();
		List<TraceJdbc.Event> events = TraceJdbc.events();
		long previous = begin;
		for (TraceJdbc.Event event : events) {
			System.out.printf(Locale.ROOT, "PROFILE at_ms=%8.1f gap_before_ms=%8.1f took_ms=%8.1f %s%n",
					(event.start() - begin) / 1e6, (event.start() - previous) / 1e6,
					(event.end() - event.start()) / 1e6, event.what());
			previous = Math.max(previous, event.end());
		}
		System.out.printf(Locale.ROOT, "PROFILE at_ms=%8.1f gap_before_ms=%8.1f took_ms=%8.1f (return)%n",
				(end - begin) / 1e6, (end - previous) / 1e6, 0.0);
		System.out.printf(Locale.ROOT,
				"PROFILE total_ms=%.1f copy_writes=%d copy_write_ms=%.1f (time blocked sending COPY data, inside the"
						+ " validate+copy phase)%n",
				(end - begin) / 1e6, TraceJdbc.COPY_WRITES.get(), TraceJdbc.COPY_WRITE_NANOS.get() / 1e6);
		deleteImport(result.importId());
	}

	/** CPU time used by this JVM (all threads, GC and JIT included). */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
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

	/**
	 * Heap used: the baseline after a full GC, the peak sampled every 50 ms while an
	 * import runs, and the highest heap left after any collection during it (what the
	 * import really keeps, garbage excluded). Also used by {@link MatchBenchmark}.
	 */
	static final class HeapWatch {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final long baseline;

		private final AtomicLong peak = new AtomicLong();

		private final AtomicLong liveAfterGc = new AtomicLong(-1);

		private final AtomicLong collections = new AtomicLong();

		private final Thread sampler;

		private final Set<String> heapPools = new HashSet<>();

		private final NotificationListener listener;

		private volatile boolean running = true;

		HeapWatch() {
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					this.heapPools.add(pool.getName());
				}
			}
			System.gc();
			sleep(200);
			this.baseline = this.memory.getHeapMemoryUsage().getUsed();
			this.peak.set(this.baseline);
			this.listener = (notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long after = 0;
					for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
						if (this.heapPools.contains(pool.getKey())) {
							after += pool.getValue().getUsed();
						}
					}
					this.collections.incrementAndGet();
					long seen = after;
					this.liveAfterGc.accumulateAndGet(seen, Math::max);
				}
			};
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof NotificationEmitter emitter) {
					emitter.addNotificationListener(this.listener, null, null);
				}
			}
			this.sampler = new Thread(() -> {
				while (this.running) {
					sample();
					sleep(50);
				}
			}, "bench-heap-sampler");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		private void sample() {
			this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
		}

		void stop() {
			sample();
			this.running = false;
			try {
				this.sampler.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof NotificationEmitter emitter) {
					try {
						emitter.removeNotificationListener(this.listener);
					}
					catch (javax.management.ListenerNotFoundException ex) {
						// not registered on this collector
					}
				}
			}
		}

		long baseline() {
			return this.baseline;
		}

		long peak() {
			return this.peak.get();
		}

		long liveAfterGc() {
			return this.liveAfterGc.get();
		}

		long collections() {
			return this.collections.get();
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * Wraps the data source ({@code --profile=true} only) so that, while recording, every
	 * statement execution, commit and rollback is timed, and so is the COPY stream the
	 * import opens through {@link PGConnection#getCopyAPI()}.
	 */
	static final class TraceJdbc implements BeanPostProcessor {

		record Event(String what, long start, long end) {
		}

		private static final List<Event> EVENTS = new ArrayList<>();

		static final AtomicLong COPY_WRITES = new AtomicLong();

		static final AtomicLong COPY_WRITE_NANOS = new AtomicLong();

		private static volatile boolean recording;

		static void start() {
			synchronized (EVENTS) {
				EVENTS.clear();
			}
			COPY_WRITES.set(0);
			COPY_WRITE_NANOS.set(0);
			recording = true;
		}

		static void stop() {
			recording = false;
		}

		static List<Event> events() {
			synchronized (EVENTS) {
				return List.copyOf(EVENTS);
			}
		}

		private static void record(String what, long start) {
			if (recording) {
				synchronized (EVENTS) {
					EVENTS.add(new Event(what, start, System.nanoTime()));
				}
			}
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource hikari) {
				return new DelegatingDataSource(hikari) {
					@Override
					public Connection getConnection() throws SQLException {
						long start = System.nanoTime();
						Connection connection = connection(super.getConnection());
						record("getConnection", start);
						return connection;
					}
				};
			}
			return bean;
		}

		private static Connection connection(Connection target) {
			return (Connection) Proxy.newProxyInstance(InvoiceImportBenchmark.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						if (name.equals("unwrap") && args[0] == PGConnection.class) {
							return pgConnection(target.unwrap(PGConnection.class));
						}
						long start = System.nanoTime();
						Object result = invoke(target, method, args);
						if (name.equals("commit") || name.equals("rollback")) {
							record(name, start);
						}
						if (result instanceof Statement statement) {
							String sql = (args != null && args.length > 0 && args[0] instanceof String s) ? s
									: "(statement)";
							return statement(statement, sql, method.getReturnType());
						}
						return result;
					});
		}

		private static Object statement(Statement target, String sql, Class<?> type) {
			InvocationHandler handler = (proxy, method, args) -> {
				long start = System.nanoTime();
				Object result = invoke(target, method, args);
				if (method.getName().startsWith("execute")) {
					String text = (args != null && args.length > 0 && args[0] instanceof String s) ? s : sql;
					record(method.getName() + ": " + abbreviate(text), start);
				}
				return result;
			};
			return Proxy.newProxyInstance(InvoiceImportBenchmark.class.getClassLoader(), new Class<?>[] { type },
					handler);
		}

		/** The driver's connection, with a COPY API whose streams are timed. */
		private static Object pgConnection(PGConnection target) {
			return Proxy.newProxyInstance(InvoiceImportBenchmark.class.getClassLoader(),
					new Class<?>[] { PGConnection.class }, (proxy, method, args) -> {
						if (method.getName().equals("getCopyAPI")) {
							return new CopyManager((BaseConnection) target) {
								@Override
								public CopyIn copyIn(String sql) throws SQLException {
									long start = System.nanoTime();
									CopyIn copy = super.copyIn(sql);
									record("copyIn (open): " + sql, start);
									return timed(copy);
								}
							};
						}
						return invoke(target, method, args);
					});
		}

		private static CopyIn timed(CopyIn target) {
			return (CopyIn) Proxy.newProxyInstance(InvoiceImportBenchmark.class.getClassLoader(),
					new Class<?>[] { CopyIn.class }, (proxy, method, args) -> {
						long start = System.nanoTime();
						Object result = invoke(target, method, args);
						switch (method.getName()) {
							case "writeToCopy" -> {
								COPY_WRITES.incrementAndGet();
								COPY_WRITE_NANOS.addAndGet(System.nanoTime() - start);
							}
							case "endCopy", "cancelCopy" ->
								record("copy " + method.getName() + " (flush + the server finishing the staging COPY)",
										start);
							default -> {
							}
						}
						return result;
					});
		}

		private static String abbreviate(String sql) {
			String text = sql.replaceAll("\\s+", " ").trim();
			return text.length() <= 120 ? text : text.substring(0, 117) + "...";
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
