package io.cessio.platform.ops;

import java.util.Arrays;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One start-up line that says what this instance runs against: profiles, database, port.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final DataSource dataSource;

	StartupReport(Environment environment, DataSource dataSource) {
		this.environment = environment;
		this.dataSource = dataSource;
	}

	@EventListener
	void on(ApplicationReadyEvent event) {
		String[] profiles = environment.getActiveProfiles();
		log.info("Cessio started: profiles={}, database={}, port={}",
				profiles.length == 0 ? "[default]" : Arrays.toString(profiles), withoutSecrets(jdbcUrl()),
				environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
	}

	private String jdbcUrl() {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			return hikari.getJdbcUrl();
		}
		return environment.getProperty("spring.datasource.url", "?");
	}

	/**
	 * Drops credentials a JDBC URL may carry (user:password@ or password= parameters).
	 */
	static String withoutSecrets(String url) {
		return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password|pwd)=[^&;]*", "$1=****");
	}

}
