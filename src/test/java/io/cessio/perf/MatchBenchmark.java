package io.cessio.perf;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.Acting;
import io.cessio.CessioApplication;
import io.cessio.banking.StatementFile;
import io.cessio.banking.StatementFiles;
import io.cessio.banking.StatementReader;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.payments.ImportOutcome;
import io.cessio.payments.ImportSource;
import io.cessio.payments.KnownDebtor;
import io.cessio.payments.MatchBenchmarkData;
import io.cessio.payments.MatchBenchmarkData.ExpectedReceipt;
import io.cessio.payments.MatchBenchmarkData.Kind;
import io.cessio.payments.OpenItem;
import io.cessio.payments.Receipt;
import io.cessio.payments.StatementImportPhases;
import io.cessio.payments.Statements;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;

/**
 * Bank statement import and matching through the application, no HTTP (BENCHMARKS.md P5).
 * A plain {@code main} program, not a test: {@code perf/match-benchmark.sh} drives it
 * through its stdin, and times PostgreSQL's {@code \copy} of the same statement rows and
 * pgbench's batched postings in between.
 *
 * <p>
 * At startup it boots the application context without a web server and without the
 * scheduled jobs on the dedicated database (created empty, migrated by Flyway) and
 * creates an OPS user. Then it answers these commands, one per line, each ended by
 * {@code DONE} (or {@code FAILED …}):
 * <ul>
 * <li>{@code prepare ROUND}: a new company (onboarded through the service, which opens
 * its dedicated account) and the workload of {@link MatchBenchmarkData} for seed
 * {@code seed × 31 + ROUND}: 2 000 debtors with their known IBANs, 50 000 invoices
 * PURCHASED in 100 remittances of 500 (bulk SQL: remittance rows, invoices with their
 * open amount and the RF reference of the column default, each remittance's
 * {@code PURCHASE} entry posted through {@link Ledger#post}: receivables against the
 * current account, no fees); then the receipts, drawn against the invoices as stored, in
 * {@code round-ROUND.xml}, one camt.053.001.08 statement of 10 000 credits written with
 * {@link StatementFiles}, and {@code round-ROUND.csv}, the {@code statement_entry} rows
 * the import stores for it, for the COPY baseline; answers {@code PREPARED …};</li>
 * <li>{@code import ROUND}: imports the file step by step with
 * {@link StatementImportPhases} as the OPS user (parse, store, match, book; heap sampled
 * every 50 ms), checks every receipt's allocations against what it pays, the books and
 * that a second import of the file changes nothing; prints an {@code APP} line;</li>
 * <li>{@code e2e ROUND}: the same file through {@link Statements#importFile}, the
 * production entry point, timed as a whole and checked the same way (the warm-up);</li>
 * <li>{@code quit}.</li>
 * </ul>
 *
 * <p>
 * A receipt is <b>auto-matched</b> when the lettrage allocated all of it, to exactly the
 * invoices it pays; a <b>wrong match</b> is an allocation to any other invoice, and for
 * noise any allocation at all.
 *
 * <p>
 * Options ({@code --name=value}, or the environment variable in brackets): {@code --url}
 * [{@code BENCH_DB_URL}], default
 * {@code jdbc:postgresql://127.0.0.1:5432/cessio_bench_match} (the database name must
 * start with {@code cessio_bench}); {@code --user} [{@code BENCH_DB_USER}, postgres];
 * {@code --password} [{@code BENCH_DB_PASSWORD}]; {@code --seed} (20260415);
 * {@code --work} (target/match-benchmark).
 */
public final class MatchBenchmark {

	private static final int INVOICES_PER_REMITTANCE = 500;

	/** The statement's date: every receipt's value date is at most this. */
	private static final LocalDate STATEMENT_DATE = MatchBenchmarkData.LAST_VALUE_DATE;

	private static final double MB = 1024.0 * 1024.0;

	private final ConfigurableApplicationContext context;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Ledger ledger;

	private final Statements statements;

	private final StatementReader reader;

	private final StatementImportPhases phases;

	private final AccountFixtures fixtures;

	private final Acting acting;

	private final Path work;

	private final long seed;

	private final Map<Integer, Round> rounds = new HashMap<>();

	private String ops;

	private record Round(int round, CompanyId company, UUID accountId, MatchBenchmarkData data, Path xml, Path csv) {

		String fileName() {
			return xml.getFileName().toString();
		}

	}

	private MatchBenchmark(ConfigurableApplicationContext context, Path work, long seed) {
		this.context = context;
		DataSource dataSource = context.getBean(DataSource.class);
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.ledger = context.getBean(Ledger.class);
		this.statements = context.getBean(Statements.class);
		this.reader = context.getBean(StatementReader.class);
		this.phases = new StatementImportPhases(context);
		this.fixtures = context.getAutowireCapableBeanFactory().createBean(AccountFixtures.class);
		this.acting = new Acting(context.getBean(UserDetailsService.class));
		this.work = work;
		this.seed = seed;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String url = option(options, "url", "BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cessio_bench_match");
		String database = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
		if (!database.startsWith("cessio_bench")) {
			// the benchmark writes hundreds of thousands of rows: never in a real or
			// test database
			throw new IllegalArgumentException("the benchmark database must be named cessio_bench*, not " + database);
		}
		long seed = Long.parseLong(option(options, "seed", null, "20260415"));
		Path work = Path.of(option(options, "work", null, "target/match-benchmark"));
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
		});
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", option(options, "user", "BENCH_DB_USER", "postgres"));
		properties.put("spring.datasource.password", option(options, "password", "BENCH_DB_PASSWORD", ""));
		properties.put("cessio.database.create-if-missing", "false");
		// no payout, sweep or inbox job may run in between
		properties.put("cessio.jobs.enabled", "false");
		properties.put("logging.level.root", "WARN");
		application.setDefaultProperties(properties);
		List<String> springArgs = new ArrayList<>();
		properties.forEach((key, value) -> springArgs.add("--" + key + "=" + value));
		try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f database=%s max_heap_mb=%.0f%n",
					(System.nanoTime() - startupBegin) / 1e9, database,
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB);
			MatchBenchmark benchmark = new MatchBenchmark(context, work, seed);
			benchmark.checkDatabase(database);
			benchmark.ops = benchmark.fixtures.aUser(Role.OPS);
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
						case "import" -> benchmark.measure(Integer.parseInt(words[1]));
						case "e2e" -> benchmark.endToEnd(Integer.parseInt(words[1]));
						default ->
							throw new IllegalArgumentException("prepare R | import R | e2e R | quit: " + command);
					}
					System.out.println("DONE");
				}
				catch (RuntimeException ex) {
					ex.printStackTrace(System.out);
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

	// ------------------------------------------------------------------ prepare

	private void prepare(int round) {
		long begin = System.nanoTime();
		CompanyId company = this.fixtures.aCompany();
		UUID accountId = null;
		String iban = null;
		// the dedicated account is opened by a listener of CompanyOnboarded, after the
		// onboarding committed
		for (int attempt = 0; attempt < 300 && accountId == null; attempt++) {
			List<Map<String, Object>> rows = this.jdbc
				.queryForList("select id, iban from dedicated_account where company_id = ?", company.value());
			if (rows.isEmpty()) {
				sleep(100);
			}
			else {
				accountId = (UUID) rows.get(0).get("id");
				iban = (String) rows.get(0).get("iban");
			}
		}
		if (accountId == null) {
			throw new IllegalStateException("no dedicated account was opened for " + company);
		}
		long setupBegin = System.nanoTime();
		MatchBenchmarkData data = MatchBenchmarkData.generate(this.seed * 31 + round, true,
				(debtors, items) -> storeBook(company, debtors, items));
		double setupSeconds = (System.nanoTime() - setupBegin) / 1e9;
		Path xml = this.work.resolve("round-" + round + ".xml");
		Path csv = this.work.resolve("round-" + round + ".csv");
		byte[] statement = statement(round, iban, data.receipts());
		try {
			Files.write(xml, statement);
			StatementFile file = this.reader.read(statement);
			try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
				StatementImportPhases.writeCopyRows(file, UUID.randomUUID(), accountId, company.value(), 1,
						Instant.now(), out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.rounds.put(round, new Round(round, company, accountId, data, xml, csv));
		Map<Kind, Long> kinds = new LinkedHashMap<>();
		data.receipts().forEach(receipt -> kinds.merge(receipt.kind(), 1L, Long::sum));
		System.out.printf(Locale.ROOT,
				"PREPARED round=%d company=%s xml=%s csv=%s debtors=%d invoices=%d receipts=%d kinds=%s xml_mb=%.1f "
						+ "setup_s=%.1f s=%.1f%n",
				round, company, xml, csv, data.debtors().size(), data.items().size(), data.receipts().size(),
				kinds.toString().replace(" ", ""), statement.length / MB, setupSeconds,
				(System.nanoTime() - begin) / 1e9);
	}

	/**
	 * The company's debtors and purchased invoices, in one transaction: what the
	 * remittance, review and purchase services would have left, consistent with the
	 * schema and the ledger. Returns the items with the RF references the database gave.
	 */
	private List<OpenItem> storeBook(CompanyId company, List<KnownDebtor> debtors, List<OpenItem> items) {
		Timestamp now = Timestamp.from(Instant.now());
		return this.transaction.execute(status -> {
			List<Object[]> debtorRows = new ArrayList<>();
			List<Object[]> ibanRows = new ArrayList<>();
			int n = 0;
			for (KnownDebtor debtor : debtors) {
				n++;
				debtorRows.add(new Object[] { debtor.debtorId(), company.value(), debtor.legalName(), debtor.siren(),
						n + " rue du Commerce", "69002", "Lyon", "FR", "compta" + n + "@debiteur.example",
						new BigDecimal("10000000.00"), Date.valueOf(LocalDate.of(2027, 12, 31)), now, now });
				for (String iban : debtor.knownIbans()) {
					ibanRows.add(new Object[] { debtor.debtorId(), iban, now, "bench-setup" });
				}
			}
			this.jdbc.batchUpdate("""
					insert into debtor (id, company_id, legal_name, siren, street, postal_code, city, country, email,
					  currency, approval_limit, approval_expires_on, blocked, notified_at, registered_at, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, false, ?, ?, 0)""", debtorRows);
			this.jdbc.batchUpdate(
					"insert into debtor_known_iban (debtor_id, iban, learned_at, learned_by) values (?, ?, ?, ?)",
					ibanRows);
			StringWriter invoices = new StringWriter(items.size() * 200);
			String companyKey = company.toString();
			for (int from = 0; from < items.size(); from += INVOICES_PER_REMITTANCE) {
				List<OpenItem> chunk = items.subList(from, Math.min(items.size(), from + INVOICES_PER_REMITTANCE));
				purchase(company, companyKey, chunk, now, invoices);
			}
			copyInvoices(invoices.toString());
			Map<UUID, String> references = new HashMap<>();
			this.jdbc.query("select id, creditor_reference from invoice where company_id = ?", rs -> {
				references.put(rs.getObject(1, UUID.class), rs.getString(2));
			}, company.value());
			return items.stream()
				.map(item -> new OpenItem(item.invoiceId(), item.debtorId(), item.number(),
						references.get(item.invoiceId()), item.openAmount(), item.issueDate(), item.dueDate(),
						item.assigned()))
				.toList();
		});
	}

	/**
	 * One remittance of the chunk, purchased on its last issue date: its purchase entry
	 * (receivables against the company's current account, without fees), its row, and its
	 * invoices as COPY lines.
	 */
	private void purchase(CompanyId company, String companyKey, List<OpenItem> chunk, Timestamp now,
			StringWriter invoices) {
		UUID remittanceId = UUID.randomUUID();
		long sequence = this.jdbc.queryForObject("select nextval('remittance_number_seq')", Long.class);
		String number = String.format(Locale.ROOT, "R-2026-%06d", sequence);
		BigDecimal total = chunk.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		LocalDate purchasedOn = chunk.stream().map(OpenItem::issueDate).max(LocalDate::compareTo).orElseThrow();
		Money zero = Money.zero(Money.EUR);
		long entryId = this.ledger
			.post(PostingRules.purchase(companyKey, number, purchasedOn, Money.eur(total), zero, zero, zero));
		Timestamp decided = Timestamp.from(purchasedOn.atTime(10, 0).toInstant(ZoneOffset.UTC));
		this.jdbc.update(
				"""
						insert into remittance (id, company_id, number, status, invoice_count, credit_note_count, total_invoices,
						  total_credit_notes, control_total, currency, submitted_at, submitted_by, reviewed_by, reviewed_at,
						  purchased_on, purchase_entry_id, commission, invoice_fees, vat_on_fees, version)
						values (?, ?, ?, 'PURCHASED', ?, 0, ?, 0, ?, 'EUR', ?, 'bench-company', 'bench-analyst', ?, ?, ?,
						  0, 0, 0, 0)""",
				remittanceId, company.value(), number, chunk.size(), total, total, decided, decided,
				Date.valueOf(purchasedOn), entryId);
		for (OpenItem item : chunk) {
			BigDecimal incl = item.openAmount();
			BigDecimal excl = incl.divide(new BigDecimal("1.20"), 2, RoundingMode.HALF_EVEN);
			BigDecimal vat = incl.subtract(excl);
			invoices.append(item.invoiceId().toString())
				.append(',')
				.append(company.toString())
				.append(',')
				.append(item.debtorId().toString())
				.append(",INVOICE,")
				.append(item.number())
				.append(',')
				.append(item.issueDate().toString())
				.append(',')
				.append(item.dueDate().toString())
				.append(',')
				.append(excl.toPlainString())
				.append(',')
				.append(vat.toPlainString())
				.append(',')
				.append(incl.toPlainString())
				.append(",EUR,PURCHASED,CSV,")
				.append(remittanceId.toString())
				.append(",bench-analyst,")
				.append(decided.toInstant().toString())
				.append(',')
				.append(now.toInstant().toString())
				.append(",bench-company,0,")
				.append(incl.toPlainString())
				.append('\n');
		}
	}

	/** COPY in the transaction's connection; the RF reference comes from the default. */
	private void copyInvoices(String csv) {
		DataSource dataSource = this.context.getBean(DataSource.class);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			long rows = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("""
						copy invoice (id, company_id, debtor_id, kind, number, issue_date, due_date, amount_excl_vat,
						  vat_amount, amount_incl_vat, currency, status, source, remittance_id, decided_by, decided_at,
						  created_at, created_by, version, open_amount) from stdin (format csv)""",
						new java.io.StringReader(csv));
			if (rows <= 0) {
				throw new IllegalStateException("no invoice copied");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY of the invoices failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The receipts as one camt.053.001.08 statement of the dedicated account. */
	private static byte[] statement(int round, String iban, List<ExpectedReceipt> receipts) {
		StatementFiles.Builder statement = StatementFiles.aStatement(iban)
			.opening("0.00", STATEMENT_DATE)
			.statementId("BENCH-" + round + "-" + STATEMENT_DATE);
		int n = 0;
		for (ExpectedReceipt expected : receipts) {
			n++;
			Receipt receipt = expected.receipt();
			StatementFiles.Movement credit = StatementFiles.credit(receipt.amount().toPlainString())
				.bookedOn(STATEMENT_DATE)
				.valueDate(receipt.valueDate())
				.bankReference(bankReference(round, n))
				.endToEndId("E2E-" + round + "-" + n);
			if (receipt.payerName() != null) {
				credit.payer(receipt.payerName(), receipt.payerIban());
			}
			if (receipt.payerIdentifier() != null) {
				credit.payerIdentifier(receipt.payerIdentifier());
			}
			if (receipt.creditorReference() != null) {
				credit.creditorReference(receipt.creditorReference());
			}
			if (!receipt.referredDocuments().isEmpty()) {
				credit.referredDocuments(receipt.referredDocuments());
			}
			if (!receipt.remittanceText().isBlank()) {
				credit.remittance(receipt.remittanceText());
			}
			statement.credit(credit);
		}
		return StatementFiles.camt053v08("MSG-BENCH-" + round + "-" + UUID.randomUUID().toString().substring(0, 8),
				statement);
	}

	private static String bankReference(int round, int n) {
		return "BENCH" + round + "-" + n;
	}

	// ------------------------------------------------------------------ measure

	private Round round(int round) {
		Round prepared = this.rounds.get(round);
		if (prepared == null) {
			throw new IllegalStateException("round " + round + " was not prepared");
		}
		return prepared;
	}

	private void measure(int round) {
		Round prepared = round(round);
		byte[] content = read(prepared.xml());
		Counts before = counts();
		InvoiceImportBenchmark.HeapWatch heap = new InvoiceImportBenchmark.HeapWatch();
		long cpu0 = processCpuNanos();
		long t0 = System.currentTimeMillis();
		long begin = System.nanoTime();
		StatementImportPhases.Timed timed;
		try {
			timed = as(() -> this.phases.importFile(prepared.fileName(), content));
		}
		finally {
			heap.stop();
		}
		long wall = System.nanoTime() - begin;
		long t1 = System.currentTimeMillis();
		long cpu1 = processCpuNanos();
		Counts after = counts();
		Checked checked = check(prepared);
		long entries = after.journalEntries() - before.journalEntries();
		long lines = after.postings() - before.postings();
		double postingSeconds = timed.postingNanos() / 1e9;
		System.out.printf(Locale.ROOT, "APP round=%d entries=%d receipts=%d allocations=%d parse_ms=%.1f match_ms=%.1f "
				+ "parse_cpu_ms=%.1f match_cpu_ms=%.1f parse_match_s=%.3f store_ms=%.1f book_ms=%.1f postings_s=%.3f journal_entries=%d "
				+ "posting_lines=%d postings_per_s=%.0f total_s=%.3f %s heap_base_mb=%.1f heap_peak_mb=%.1f "
				+ "heap_growth_mb=%.1f retained_mb=%s gcs=%d jvm_cpu_s=%.2f t0=%.3f t1=%.3f%n", round, timed.entries(),
				timed.receipts(), timed.allocations(), timed.parseNanos() / 1e6, timed.matchNanos() / 1e6,
				timed.parseCpuNanos() / 1e6, timed.matchCpuNanos() / 1e6, timed.parseAndMatchNanos() / 1e9,
				timed.storeNanos() / 1e6, timed.bookNanos() / 1e6, postingSeconds, entries, lines,
				entries / postingSeconds, wall / 1e9, checked.fields(), heap.baseline() / MB, heap.peak() / MB,
				(heap.peak() - heap.baseline()) / MB,
				heap.liveAfterGc() < 0 ? "nan"
						: String.format(Locale.ROOT, "%.1f", (heap.liveAfterGc() - heap.baseline()) / MB),
				heap.collections(), (cpu1 - cpu0) / 1e9, t0 / 1e3, t1 / 1e3);
		if (entries != timed.receipts() + timed.allocations()) {
			throw new IllegalStateException(entries + " journal entries for " + timed.receipts() + " receipts and "
					+ timed.allocations() + " allocations");
		}
	}

	/** The production entry point on the round's file: the warm-up. */
	private void endToEnd(int round) {
		Round prepared = round(round);
		byte[] content = read(prepared.xml());
		long begin = System.nanoTime();
		ImportOutcome outcome = as(() -> this.statements.importFile(prepared.fileName(), content, ImportSource.UPLOAD));
		long wall = System.nanoTime() - begin;
		Checked checked = check(prepared);
		System.out.printf(Locale.ROOT, "INFO e2e round=%d Statements.importFile s=%.3f receipts=%d matched=%d %s%n",
				round, wall / 1e9, outcome.imported().receipts(), outcome.matched().matched(), checked.fields());
	}

	private record Counts(long journalEntries, long postings) {
	}

	private Counts counts() {
		return this.jdbc.queryForObject("select (select count(*) from journal_entry), (select count(*) from posting)",
				(rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)));
	}

	// ------------------------------------------------------------------ check

	/**
	 * What the import did with each receipt, against what it pays; then the books, and a
	 * second import of the same file.
	 */
	private record Checked(int receipts, int paying, int autoPaying, int noise, int noiseLeft, int wrong, int partial,
			BigDecimal amountAll, BigDecimal amountPaying, BigDecimal amountAuto, int violations,
			boolean receivablesConsistent, boolean reimportIgnored) {

		String fields() {
			return String.format(Locale.ROOT,
					"stored_receipts=%d paying=%d auto_paying=%d auto_rate_paying_pct=%.2f auto_rate_all_pct=%.2f "
							+ "right_outcome_pct=%.2f amount_rate_paying_pct=%.2f amount_rate_all_pct=%.2f noise=%d "
							+ "noise_left=%d partial=%d wrong=%d violations=%d receivables_consistent=%s "
							+ "reimport_ignored=%s",
					receipts, paying, autoPaying, pct(autoPaying, paying), pct(autoPaying, receipts),
					pct(autoPaying + noiseLeft, receipts), pct(amountAuto, amountPaying), pct(amountAuto, amountAll),
					noise, noiseLeft, partial, wrong, violations, receivablesConsistent, reimportIgnored);
		}

		private static double pct(long part, long whole) {
			return whole == 0 ? 0 : 100.0 * part / whole;
		}

		private static double pct(BigDecimal part, BigDecimal whole) {
			return whole.signum() == 0 ? 0 : part.multiply(BigDecimal.valueOf(100)).doubleValue() / whole.doubleValue();
		}

	}

	private Checked check(Round prepared) {
		record Allocated(UUID invoiceId, BigDecimal amount) {
		}
		record Stored(String state, BigDecimal amount, BigDecimal unallocated, List<Allocated> allocations) {
		}
		Map<String, Stored> byReference = new HashMap<>();
		this.jdbc.query("""
				select e.bank_reference, e.state, e.amount, e.unallocated, a.invoice_id, a.amount as allocated,
				       a.pass
				from statement_entry e left join allocation a on a.statement_entry_id = e.id
				where e.company_id = ? and e.kind = 'RECEIPT'""", rs -> {
			String reference = rs.getString("bank_reference");
			Stored stored = byReference.get(reference);
			if (stored == null) {
				stored = new Stored(rs.getString("state"), rs.getBigDecimal("amount"), rs.getBigDecimal("unallocated"),
						new ArrayList<>());
				byReference.put(reference, stored);
			}
			UUID invoiceId = rs.getObject("invoice_id", UUID.class);
			if (rs.getString("pass") != null) {
				if ("MANUAL".equals(rs.getString("pass"))) {
					throw new IllegalStateException("a manual allocation in a benchmark");
				}
				stored.allocations().add(new Allocated(invoiceId, rs.getBigDecimal("allocated")));
			}
		}, prepared.company().value());
		int paying = 0;
		int autoPaying = 0;
		int noise = 0;
		int noiseLeft = 0;
		int wrong = 0;
		int partial = 0;
		BigDecimal amountAll = BigDecimal.ZERO;
		BigDecimal amountPaying = BigDecimal.ZERO;
		BigDecimal amountAuto = BigDecimal.ZERO;
		List<ExpectedReceipt> receipts = prepared.data().receipts();
		for (int i = 0; i < receipts.size(); i++) {
			ExpectedReceipt expected = receipts.get(i);
			Stored stored = byReference.get(bankReference(prepared.round(), i + 1));
			if (stored == null) {
				throw new IllegalStateException("receipt " + (i + 1) + " was not stored");
			}
			Set<UUID> allocatedTo = new HashSet<>();
			BigDecimal allocated = BigDecimal.ZERO;
			for (Allocated allocation : stored.allocations()) {
				allocatedTo.add(allocation.invoiceId());
				allocated = allocated.add(allocation.amount());
			}
			if (allocated.add(stored.unallocated()).compareTo(stored.amount()) != 0) {
				throw new IllegalStateException("receipt " + (i + 1) + ": allocations and rest do not add up");
			}
			amountAll = amountAll.add(stored.amount());
			boolean wrongOne = !expected.expected().containsAll(allocatedTo);
			wrong += wrongOne ? 1 : 0;
			if (wrongOne && wrong <= 5) {
				System.out.println("INFO WRONG " + expected.kind() + " " + expected.variant() + " " + expected.receipt()
						+ " -> " + allocatedTo);
			}
			if (expected.kind() == Kind.NOISE) {
				noise++;
				noiseLeft += allocatedTo.isEmpty() ? 1 : 0;
				continue;
			}
			paying++;
			amountPaying = amountPaying.add(stored.amount());
			boolean auto = "MATCHED".equals(stored.state()) && stored.unallocated().signum() == 0
					&& allocatedTo.equals(expected.expected());
			if (auto) {
				autoPaying++;
				amountAuto = amountAuto.add(allocated);
			}
			else if (!allocatedTo.isEmpty()) {
				partial++;
			}
		}
		int violations = this.ledger.invariantViolations().size();
		BigDecimal receivables = this.ledger
			.currentBalance(AccountRef.of(AccountCode.RECEIVABLES, prepared.company().toString()))
			.amount();
		BigDecimal openAmounts = this.jdbc.queryForObject(
				"select coalesce(sum(open_amount), 0) from invoice where company_id = ? and status in ('PURCHASED', 'SETTLED')",
				BigDecimal.class, prepared.company().value());
		boolean receivablesConsistent = receivables.signum() >= 0 && receivables.compareTo(openAmounts) == 0;
		long entriesBefore = counts().journalEntries();
		ImportOutcome again = as(
				() -> this.statements.importFile(prepared.fileName(), read(prepared.xml()), ImportSource.UPLOAD));
		boolean reimportIgnored = again.imported().alreadyImported() && counts().journalEntries() == entriesBefore;
		return new Checked(byReference.size(), paying, autoPaying, noise, noiseLeft, wrong, partial, amountAll,
				amountPaying, amountAuto, violations, receivablesConsistent, reimportIgnored);
	}

	// ------------------------------------------------------------------ plumbing

	private <T> T as(Supplier<T> action) {
		return this.acting.as(this.ops, action);
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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

}
