package io.cessio;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Points every test context at {@link TestDatabase}. A {@link JdbcConnectionDetails} bean
 * wins over {@code spring.datasource.*}, so a test can never land on the development
 * database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	/** The application's clock, which tests may move ({@link TestClock#travelTo}). */
	@Bean
	@Primary
	TestClock testClock(@Value("${cessio.time-zone}") ZoneId zone) {
		return new TestClock(zone);
	}

	@Bean
	JdbcConnectionDetails testDatabase() {
		TestDatabase.Connection connection = TestDatabase.connection();
		return new JdbcConnectionDetails() {
			@Override
			public String getJdbcUrl() {
				return connection.url();
			}

			@Override
			public String getUsername() {
				return connection.username();
			}

			@Override
			public String getPassword() {
				return connection.password();
			}
		};
	}

}
