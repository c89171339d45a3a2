package io.cessio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CessioApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as {@code main} builds it; tests reuse it so that they start the
	 * same way.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(CessioApplication.class);
		application.addListeners(new CreateDatabaseIfMissing());
		return application;
	}

}
