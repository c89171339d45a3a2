package io.cessio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL every integration test uses, decided once per JVM:
 * <ol>
 * <li>{@code CESSIO_TEST_DB_URL} (with {@code CESSIO_TEST_DB_USER}/{@code _PASSWORD})
 * when set — Docker is not even probed;</li>
 * <li>else a Testcontainers PostgreSQL 17 when a Docker engine answers;</li>
 * <li>else the local server at localhost:5432, database {@code cessio_test}, created if
 * missing.</li>
 * </ol>
 * A database whose name ends in {@code _test} is emptied once per JVM, before Flyway
 * runs, so every run starts from the migrations alone. No other database is ever emptied.
 */
public final class TestDatabase {

	static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/cessio_test";

	private static volatile Connection details;

	private TestDatabase() {
	}

	/** Where to connect; the first call makes the decision and prepares the database. */
	public static synchronized Connection connection() {
		if (details == null) {
			details = decide();
			if (details.databaseName().endsWith("_test")) {
				emptySchema(details);
			}
		}
		return details;
	}

	private static Connection decide() {
		String url = System.getenv("CESSIO_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			Connection configured = new Connection("CESSIO_TEST_DB_URL", url, env("CESSIO_TEST_DB_USER", "postgres"),
					env("CESSIO_TEST_DB_PASSWORD", ""));
			createIfMissing(configured);
			return configured;
		}
		if (dockerMayBeThere() && DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
				.withDatabaseName("cessio_test");
			container.start();
			return new Connection("Testcontainers", container.getJdbcUrl(), container.getUsername(),
					container.getPassword());
		}
		Connection local = new Connection("local PostgreSQL", DEFAULT_URL, env("CESSIO_TEST_DB_USER", "postgres"),
				env("CESSIO_TEST_DB_PASSWORD", ""));
		createIfMissing(local);
		return local;
	}

	/**
	 * Avoids Testcontainers' slow probing where no engine can exist: no DOCKER_HOST, no
	 * socket, no Testcontainers configuration file.
	 */
	private static boolean dockerMayBeThere() {
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
	}

	private static void createIfMissing(Connection target) {
		String maintenance = target.url().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
		try (java.sql.Connection connection = DriverManager.getConnection(maintenance, target.username(),
				target.password()); Statement statement = connection.createStatement()) {
			var rows = statement.executeQuery(
					"select 1 from pg_database where datname = '" + target.databaseName().replace("'", "") + "'");
			if (!rows.next()) {
				statement.execute("create database \"" + target.databaseName() + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No Docker engine and no usable PostgreSQL at " + maintenance
					+ ": start it (pg_ctlcluster 15 main start) or set CESSIO_TEST_DB_URL", ex);
		}
	}

	private static void emptySchema(Connection target) {
		try (java.sql.Connection connection = DriverManager.getConnection(target.url(), target.username(),
				target.password()); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not empty the test database " + target.url(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	/** Connection coordinates and where they came from. */
	public record Connection(String source, String url, String username, String password) {

		String databaseName() {
			String path = url.replaceFirst("^jdbc:postgresql://[^/]+/", "");
			int query = path.indexOf('?');
			return (query < 0 ? path : path.substring(0, query)).toLowerCase(Locale.ROOT);
		}

	}

}
