package io.cessio;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the application's PostgreSQL database before the data source starts, when
 * {@code cessio.database.create-if-missing=true} (the {@code demo} profile sets it), so
 * that a newcomer's first run needs no manual SQL step. It connects to the server's
 * {@code postgres} maintenance database with the configured credentials.
 */
class CreateDatabaseIfMissing implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(CreateDatabaseIfMissing.class);

	private static final Pattern POSTGRES_URL = Pattern
		.compile("^jdbc:postgresql://(?<server>[^/]+)/(?<database>[A-Za-z0-9_]+)(?<params>\\?.*)?$");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.getProperty("cessio.database.create-if-missing", Boolean.class, false)) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url");
		if (url == null) {
			return;
		}
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches()) {
			log.warn("cessio.database.create-if-missing is set but {} is not a plain PostgreSQL URL; skipped", url);
			return;
		}
		String database = matcher.group("database");
		String params = matcher.group("params") == null ? "" : matcher.group("params");
		String maintenanceUrl = "jdbc:postgresql://" + matcher.group("server") + "/postgres" + params;
		createIfMissing(maintenanceUrl, database, environment.getProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password"));
	}

	static void createIfMissing(String maintenanceUrl, String database, String username, String password) {
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password);
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			// the name matched [A-Za-z0-9_]+, so quoting it is safe
			connection.createStatement().execute("create database \"" + database + "\"");
			log.info("Created PostgreSQL database {}", database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create the database " + database + " through " + maintenanceUrl + ": " + ex.getMessage(),
					ex);
		}
	}

}
