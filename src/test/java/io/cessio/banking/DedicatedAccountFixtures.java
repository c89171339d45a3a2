package io.cessio.banking;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.companies.CompanyId;

/**
 * Waits for a company's dedicated account, opened after commit when CompanyOnboarded is
 * handled.
 */
public final class DedicatedAccountFixtures {

	private DedicatedAccountFixtures() {
	}

	/** The id of the company's dedicated account, once it is open (at most 10 s). */
	public static UUID awaitDedicatedAccount(JdbcClient jdbc, CompanyId company) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select id from dedicated_account where company_id = ?")
				.param(company.value())
				.query(UUID.class)
				.optional()
				.orElse(null), id -> id != null);
	}

}
