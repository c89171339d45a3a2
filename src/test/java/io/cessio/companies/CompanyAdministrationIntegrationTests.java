package io.cessio.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.cessio.CessioIntegrationTest;
import io.cessio.platform.security.Role;

/** An administrator onboards and edits client companies; bad input changes nothing. */
@CessioIntegrationTest
class CompanyAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor admin;

	@BeforeEach
	void signInAsAdmin() {
		admin = user(users.loadUserByUsername(fixtures.aUser(Role.ADMIN)));
	}

	@Test
	void onboardsACompanyWithTermsTypedTheFrenchWayAndAuditsIt() throws Exception {
		String siren = AccountFixtures.randomSiren().value();
		mvc.perform(companyForm(post("/admin/companies"), siren,
				Map.of("advanceRatePercent", "87,5", "facilityLimit", "250 000,00")))
			.andExpect(redirectedUrlPattern("/companies/*"));

		var row = jdbc.sql("select id, advance_rate, facility_limit from company where siren = ?")
			.param(siren)
			.query()
			.singleRow();
		assertThat((BigDecimal) row.get("advance_rate")).isEqualByComparingTo("0.875");
		assertThat((BigDecimal) row.get("facility_limit")).isEqualByComparingTo("250000.00");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'COMPANY_ONBOARDED' and entity_id = ?")
			.param(row.get("id").toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAnInvalidSirenAndIbanAndCreatesNothing() throws Exception {
		long before = jdbc.sql("select count(*) from company").query(Long.class).single();
		mvc.perform(companyForm(post("/admin/companies"), "123456789",
				Map.of("operatingIban", "FR7630003012340005001234500")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "siren", "operatingIban"));
		assertThat(jdbc.sql("select count(*) from company").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void refusesADuplicateSiren() throws Exception {
		CompanyId existing = fixtures.aCompany();
		String siren = sirenOf(existing);
		mvc.perform(companyForm(post("/admin/companies"), siren, Map.of()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "siren", "companies.error.duplicateSiren"));
	}

	@Test
	void changesTermsAndRecordsBeforeAndAfter() throws Exception {
		CompanyId company = fixtures.aCompany();
		String siren = sirenOf(company);
		mvc.perform(companyForm(post("/admin/companies/" + company), siren,
				Map.of("advanceRatePercent", "85", "version", "0")))
			.andExpect(redirectedUrlPattern("/companies/*"));

		String summary = jdbc.sql("select summary from audit_event where action = 'COMPANY_CHANGED' and entity_id = ?")
			.param(company.toString())
			.query(String.class)
			.single();
		assertThat(summary).contains("advanceRate: 90 % → 85 %").doesNotContain("commissionRate");
	}

	@Test
	void refusesAnEditMadeOnAStaleVersion() throws Exception {
		CompanyId company = fixtures.aCompany();
		String siren = sirenOf(company);
		mvc.perform(companyForm(post("/admin/companies/" + company), siren,
				Map.of("advanceRatePercent", "80", "version", "0")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(companyForm(post("/admin/companies/" + company), siren,
				Map.of("advanceRatePercent", "70", "version", "0")))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select advance_rate from company where id = ?")
			.param(company.value())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("0.80");
	}

	@Test
	void showsTheFormWithTheStandardTerms() throws Exception {
		mvc.perform(get("/admin/companies/new").with(admin))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form", org.hamcrest.Matchers.hasProperty("advanceRatePercent",
					org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("90")))));
	}

	private String sirenOf(CompanyId company) {
		return jdbc.sql("select siren from company where id = ?").param(company.value()).query(String.class).single();
	}

	/** A complete, valid company form; {@code overrides} replace single fields. */
	private MockHttpServletRequestBuilder companyForm(MockHttpServletRequestBuilder request, String siren,
			Map<String, String> overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("legalName", "BETA INDUSTRIE");
		fields.put("siren", siren);
		fields.put("street", "3 rue des Lilas");
		fields.put("postalCode", "33000");
		fields.put("city", "Bordeaux");
		fields.put("country", "FR");
		fields.put("operatingIban", "FR76 3000 3012 3400 0500 1234 509");
		fields.put("advanceRatePercent", "90");
		fields.put("commissionRatePercent", "0,30");
		fields.put("perInvoiceFee", "3,00");
		fields.put("feeVatRatePercent", "20");
		fields.put("financingMarginPercent", "1,50");
		fields.put("facilityLimit", "500000");
		fields.put("concentrationLimitPercent", "30");
		fields.put("defundingDays", "60");
		fields.put("maxTermDays", "90");
		fields.put("fourEyesThreshold", "50000");
		fields.put("autoPayout", "true");
		fields.putAll(overrides);
		MockHttpServletRequestBuilder form = request.with(admin).with(csrf());
		fields.forEach(form::param);
		return form;
	}

}
