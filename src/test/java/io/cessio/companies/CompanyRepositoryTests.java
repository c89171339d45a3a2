package io.cessio.companies;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.TestcontainersConfiguration;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;

import jakarta.persistence.EntityManager;

/**
 * Persistence slice: a company's terms land in the columns as exact fractions and
 * amounts.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestcontainersConfiguration.class)
class CompanyRepositoryTests {

	@Autowired
	CompanyRepository companies;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesRatesAsFractionsAndAmountsWithTwoDecimals() {
		var siren = AccountFixtures.randomSiren();
		Company company = new Company(CompanyId.newId(),
				new CompanyDetails("GAMMA SARL", siren, new PostalAddress("1 place Bellecour", "69002", "Lyon", "FR"),
						Iban.of("FR76 3000 3012 3400 0500 1234 509")),
				ContractTerms.standard(), Instant.parse("2026-03-03T08:00:00Z"));
		companies.save(company);
		entityManager.flush();
		entityManager.clear();

		Map<String, Object> row = jdbc.sql("select * from company where siren = ?")
			.param(siren.value())
			.query()
			.singleRow();
		assertThat((BigDecimal) row.get("advance_rate")).isEqualByComparingTo("0.9");
		assertThat((BigDecimal) row.get("commission_rate")).isEqualByComparingTo("0.003");
		assertThat(row.get("per_invoice_fee")).hasToString("3.00");
		assertThat(row.get("facility_limit")).hasToString("500000.00");
		assertThat(row.get("operating_iban")).isEqualTo("FR7630003012340005001234509");
		assertThat(row.get("currency")).isEqualTo("EUR");

		Company reloaded = companies.findBySiren(siren).orElseThrow();
		assertThat(reloaded.terms()).isEqualTo(ContractTerms.standard());
		assertThat(reloaded.version()).isZero();
	}

}
