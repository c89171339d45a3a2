package io.cessio.perf;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.Acting;
import io.cessio.CessioApplication;
import io.cessio.approval.ApprovalDesk;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.funding.FundingManagement;
import io.cessio.funding.PayoutRunner;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceStatus;
import io.cessio.platform.security.SystemActor;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The application side of the payout crash test (BENCHMARKS.md R4, issue 5):
 * {@code perf/payout-crash-test.sh} seeds pending payouts with it, then starts
 * {@code run} again and again and kills it with {@code kill -9} in the middle of the
 * payout job. A plain {@code main}, not a test; the application context boots without a
 * web server and without the schedulers ({@code cessio.jobs.enabled=false}), so only the
 * job this program calls moves money.
 *
 * <p>
 * Modes (first argument):
 * <ul>
 * <li>{@code seed N}: the factor's identity, {@code --companies} companies (contract
 * terms: concentration limit 100 %, four-eyes threshold above the remittance, auto-payout
 * off so that the purchase does not request a payout of its own), each with its user,
 * three approved debtors and one remittance of three invoices (60 000,00 incl. VAT,
 * issued 1 to 3 days ago, due in 50 days) purchased through {@link ApprovalDesk} as an
 * analyst; then N DRAW payouts of 1,00 to 99,99 (seeded) requested round-robin over the
 * companies with {@link FundingManagement#requestDraw} as each company's user, every one
 * through the real availability check. Prints
 * {@code SEEDED payouts=N companies=C total=… s=…};</li>
 * <li>{@code run}: calls {@link PayoutRunner#runDuePayouts()} once as {@code system}
 * ({@link SystemActor}). Prints {@code RUNNING pending=… executed=…} just before the
 * call, {@code PROGRESS executed_total=… this_run=…} whenever the committed count of
 * EXECUTED payouts grows (polled every 100 ms from another connection),
 * {@code FIRST after_jvm_start_s=…} when the first payout of this run is committed (the
 * recovery time: restart + job resume), and {@code DONE executed_this_run=… pending=…} at
 * the end ({@code FAILED …} and exit status 1 if the job throws).</li>
 * </ul>
 * Every connection carries {@code ApplicationName=cessio-crash-<mode>}, so that the
 * script can wait for the killed process's PostgreSQL backends to end before it counts.
 *
 * <p>
 * Options ({@code --name=value}, or the environment variable in brackets): {@code --url}
 * [{@code CRASH_DB_URL}], default {@code jdbc:postgresql://127.0.0.1:5432/cessio_crash}
 * (the database name must start with {@code cessio_crash}); {@code --user}
 * [{@code CRASH_DB_USER}, postgres]; {@code --password} [{@code CRASH_DB_PASSWORD}];
 * {@code --companies} (5); {@code --seed} (20261105).
 */
public final class PayoutCrashHarness {

	private static final Money INVOICE_1 = Money.eur("30000.00");

	private static final Money INVOICE_2 = Money.eur("20000.00");

	private static final Money INVOICE_3 = Money.eur("10000.00");

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private PayoutCrashHarness(ConfigurableApplicationContext context) {
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("run"))) {
			throw new IllegalArgumentException("usage: seed N [--option=value…] | run [--option=value…]");
		}
		String mode = args[0];
		int payouts = 0;
		int first = 1;
		if (mode.equals("seed")) {
			if (args.length < 2) {
				throw new IllegalArgumentException("seed needs the number of payouts");
			}
			payouts = Integer.parseInt(args[1]);
			first = 2;
		}
		Map<String, String> options = options(java.util.Arrays.copyOfRange(args, first, args.length));
		String url = option(options, "url", "CRASH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cessio_crash");
		String database = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
		if (!database.startsWith("cessio_crash")) {
			// the test is killed in the middle of money movements on purpose: never in a
			// real or test database
			throw new IllegalArgumentException("the crash test database must be named cessio_crash*, not " + database);
		}
		int companies = Integer.parseInt(option(options, "companies", null, "5"));
		long seed = Long.parseLong(option(options, "seed", null, "20261105"));

		long startupBegin = System.nanoTime();
		SpringApplication application = CessioApplication.application();
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(context -> {
			// this class sits on the test classpath: keep test configurations (which
			// would point the app at the test database) out of the component scan
			context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new LedgerPostingBenchmark.ExcludeTestClasses());
			context.addBeanFactoryPostProcessor(new LedgerPostingBenchmark.WithoutWebSecurity());
		});
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", option(options, "user", "CRASH_DB_USER", "postgres"));
		properties.put("spring.datasource.password", option(options, "password", "CRASH_DB_PASSWORD", ""));
		properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", "cessio-crash-" + mode);
		properties.put("cessio.database.create-if-missing", "false");
		// no scheduler: the payout job runs only when this program calls it
		properties.put("cessio.jobs.enabled", "false");
		properties.put("logging.level.root", "WARN");
		application.setDefaultProperties(properties);
		List<String> springArgs = new ArrayList<>();
		properties.forEach((key, value) -> springArgs.add("--" + key + "=" + value));
		int status = 0;
		try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
			System.out.printf(Locale.ROOT, "INFO startup_s=%.1f database=%s mode=%s%n",
					(System.nanoTime() - startupBegin) / 1e9, database, mode);
			PayoutCrashHarness harness = new PayoutCrashHarness(context);
			harness.checkDatabase(database);
			if (mode.equals("seed")) {
				harness.seed(payouts, companies, seed);
			}
			else if (!harness.run()) {
				status = 1;
			}
		}
		System.exit(status);
	}

	/** Refuses to run anywhere but the dedicated database (belt and braces). */
	private void checkDatabase(String expected) {
		String actual = jdbc.sql("select current_database()").query(String.class).single();
		if (!expected.equals(actual)) {
			throw new IllegalStateException("connected to " + actual + ", expected " + expected);
		}
	}

	private void seed(int payouts, int companyCount, long seed) {
		long begin = System.nanoTime();
		if (count("select count(*) from payout") > 0) {
			throw new IllegalStateException("the database already has payouts: seed an empty one");
		}
		AccountFixtures accounts = context.getAutowireCapableBeanFactory().createBean(AccountFixtures.class);
		// InvoiceFixtures takes AccountFixtures as a bean (test classes are not scanned
		// here)
		context.getBeanFactory().registerSingleton("accountFixtures", accounts);
		InvoiceFixtures fixtures = context.getAutowireCapableBeanFactory().createBean(InvoiceFixtures.class);
		ApprovalDesk desk = context.getBean(ApprovalDesk.class);
		FundingManagement funding = context.getBean(FundingManagement.class);
		Acting acting = fixtures.acting();
		LocalDate today = LocalDate.now(context.getBean(Clock.class));
		accounts.ensureFactor();

		List<Client> clients = new ArrayList<>();
		for (int c = 0; c < companyCount; c++) {
			Client client = fixtures.aClient(terms());
			List<InvoiceId> items = new ArrayList<>();
			Money[] amounts = { INVOICE_1, INVOICE_2, INVOICE_3 };
			for (int d = 0; d < amounts.length; d++) {
				DebtorId debtor = fixtures.anApprovedDebtor(client, "DEBITEUR CRASH " + (c + 1) + "-" + (d + 1) + " SA",
						AccountFixtures.randomSiren(), Money.eur("50000.00"));
				items.add(fixtures.anInvoice(client, debtor, "CRASH-" + (c + 1) + "-" + (d + 1), today.minusDays(3 - d),
						today.plusDays(50), amounts[d].amount().toPlainString()));
			}
			RemittanceId remittance = fixtures.submit(client, items);
			RemittanceStatus status = acting.as(client.analyst(), () -> {
				int approved = desk.approveAllEligible(remittance);
				if (approved != items.size()) {
					throw new IllegalStateException(approved + " of " + items.size() + " invoices approved");
				}
				return desk.complete(remittance);
			});
			if (status != RemittanceStatus.PURCHASED) {
				throw new IllegalStateException("remittance " + remittance + " is " + status + ", not PURCHASED");
			}
			clients.add(client);
		}
		for (Client client : clients) {
			DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, client.company());
			Money drawable = acting.as(client.user(), () -> funding.availability(client.company())).drawable();
			System.out.printf(Locale.ROOT, "INFO company=%s drawable=%s%n", client.company(), drawable);
		}
		long purchased = System.nanoTime();

		Random random = new Random(seed);
		BigDecimal total = BigDecimal.ZERO;
		for (int n = 0; n < payouts; n++) {
			Client client = clients.get(n % clients.size());
			Money amount = Money.eur(BigDecimal.valueOf(100 + random.nextInt(9900), 2));
			String requestKey = "crash-seed-" + seed + "-" + n;
			acting.as(client.user(), () -> funding.requestDraw(client.company(), amount, requestKey));
			total = total.add(amount.amount());
			if ((n + 1) % 200 == 0) {
				System.out.printf(Locale.ROOT, "INFO requested=%d%n", n + 1);
			}
		}
		// the purchases' events (InvoicesPurchased: auto-payout is off, so their listener
		// requests nothing) complete asynchronously; leave none for the runs to republish
		awaitNoOpenEventPublication(Duration.ofSeconds(60));
		System.out.printf(Locale.ROOT, "SEEDED payouts=%d companies=%d total=%s setup_s=%.1f draws_s=%.1f%n",
				count("select count(*) from payout where status = 'PENDING'"), clients.size(), total.toPlainString(),
				(purchased - begin) / 1e9, (System.nanoTime() - purchased) / 1e9);
	}

	/**
	 * Standard terms except: no concentration limit, no second analyst for these
	 * remittances, and no payout after the purchase (the draws are the payouts).
	 */
	private static ContractTerms terms() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(), Rate.ofPercent("100"),
				standard.defundingDays(), standard.maxTermDays(), Money.eur("1000000.00"), false);
	}

	private void awaitNoOpenEventPublication(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count("select count(*) from event_publication where completion_date is null") > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("event publications still open after " + timeout);
			}
			sleep(200);
		}
	}

	/** One call of the payout job, as the scheduler makes it; true if it returned. */
	private boolean run() {
		PayoutRunner runner = context.getBean(PayoutRunner.class);
		SystemActor system = context.getBean(SystemActor.class);
		long atStart = executed();
		System.out.printf(Locale.ROOT, "RUNNING pending=%d executed=%d%n", pending(), atStart);
		AtomicBoolean stop = new AtomicBoolean();
		Thread progress = new Thread(() -> reportProgress(atStart, stop), "crash-progress");
		progress.setDaemon(true);
		progress.start();
		long begin = System.nanoTime();
		try {
			int executed = system.call(runner::runDuePayouts);
			stop.set(true);
			System.out.printf(Locale.ROOT, "DONE executed_this_run=%d pending=%d executed_total=%d run_s=%.1f%n",
					executed, pending(), executed(), (System.nanoTime() - begin) / 1e9);
			return true;
		}
		catch (RuntimeException failure) {
			stop.set(true);
			System.out.println("FAILED " + failure.toString().replace('\n', ' '));
			return false;
		}
	}

	/** Polls the committed count of executed payouts, as another session sees it. */
	private void reportProgress(long atStart, AtomicBoolean stop) {
		long last = atStart;
		boolean first = true;
		while (!stop.get()) {
			try {
				long now = executed();
				if (now != last) {
					if (first) {
						long sinceJvmStart = System.currentTimeMillis()
								- ManagementFactory.getRuntimeMXBean().getStartTime();
						System.out.printf(Locale.ROOT, "FIRST after_jvm_start_s=%.1f%n", sinceJvmStart / 1e3);
						first = false;
					}
					System.out.printf(Locale.ROOT, "PROGRESS executed_total=%d this_run=%d%n", now, now - atStart);
					last = now;
				}
			}
			catch (RuntimeException ex) {
				// the connection may be gone (terminated backend): keep trying
				System.out.println("INFO progress query failed: " + ex.getClass().getSimpleName());
			}
			sleep(100);
		}
	}

	private long executed() {
		return count("select count(*) from payout where status = 'EXECUTED'");
	}

	private long pending() {
		return count("select count(*) from payout where status = 'PENDING'");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
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
