package io.cessio;

/**
 * Runs the application against the test database ({@code ./mvnw spring-boot:test-run}),
 * with the demo data.
 */
public class TestCessioApplication {

	public static void main(String[] args) {
		System.setProperty("spring.profiles.active", "demo");
		// the database comes from TestcontainersConfiguration, not from
		// spring.datasource.url
		System.setProperty("cessio.database.create-if-missing", "false");
		org.springframework.boot.SpringApplication application = CessioApplication.application();
		application.addPrimarySources(java.util.List.of(TestcontainersConfiguration.class));
		application.run(args);
	}

}
