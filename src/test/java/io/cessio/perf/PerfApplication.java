package io.cessio.perf;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.cessio.CessioApplication;

/**
 * The application context the sweep harnesses run in: no web server, no schedulers
 * ({@code cessio.jobs.enabled=false}, so only what the harness calls moves money), test
 * classes kept out of the scan, and a database whose name must start with the given
 * prefix (Flyway migrates it at startup).
 */
final class PerfApplication {

	private PerfApplication() {
	}

	static ConfigurableApplicationContext start(Map<String, String> options, String urlEnv, String defaultUrl,
			String requiredPrefix, String applicationName, Consumer<ConfigurableApplicationContext> initializer) {
		String url = option(options, "url", urlEnv, defaultUrl);
		String database = database(url);
		if (!database.startsWith(requiredPrefix)) {
			// these programs write (and kill) on purpose: never in a real or test
			// database
			throw new IllegalArgumentException("the database must be named " + requiredPrefix + "*, not " + database);
		}
		SpringApplication application = CessioApplication.application();
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(context -> {
			context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new LedgerPostingBenchmark.ExcludeTestClasses());
			context.addBeanFactoryPostProcessor(new LedgerPostingBenchmark.WithoutWebSecurity());
			initializer.accept(context);
		});
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", option(options, "user", null, "postgres"));
		properties.put("spring.datasource.password", option(options, "password", null, ""));
		properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", applicationName);
		properties.put("cessio.database.create-if-missing", "false");
		properties.put("cessio.jobs.enabled", "false");
		if (options.containsKey("batch-size")) {
			properties.put("cessio.sweep.batch-size", options.get("batch-size"));
		}
		properties.put("logging.level.root", "WARN");
		application.setDefaultProperties(properties);
		// command-line style so that they win over application.properties and the
		// environment
		List<String> springArgs = new ArrayList<>();
		properties.forEach((key, value) -> springArgs.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new));
		String actual = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select current_database()", String.class);
		if (!database.equals(actual)) {
			context.close();
			throw new IllegalStateException("connected to " + actual + ", expected " + database);
		}
		return context;
	}

	static String database(String url) {
		return url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
	}

	/**
	 * Deadlocks PostgreSQL counted in this database. Backends publish their counters when
	 * idle for a while or when they exit, so the pool's connections are closed first.
	 */
	static long serverDeadlocks(HikariDataSource pool) {
		pool.getHikariPoolMXBean().softEvictConnections();
		sleep(1000);
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
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

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --name=value: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	static String option(Map<String, String> options, String name, String env, String fallback) {
		if (options.containsKey(name)) {
			return options.get(name);
		}
		String value = (env != null) ? System.getenv(env) : null;
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
