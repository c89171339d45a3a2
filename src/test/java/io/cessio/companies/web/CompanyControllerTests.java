package io.cessio.companies.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.cessio.companies.CompanyDetails;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyNotFound;
import io.cessio.companies.CompanyView;
import io.cessio.companies.ContractTerms;
import io.cessio.companies.UserManagement;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * Web slice: the company pages render the facade's views in French and map "not found" to
 * 404.
 */
@WebMvcTest(CompanyController.class)
@Import(CurrentUser.class)
class CompanyControllerTests {

	static final CompanyView ALPHA = new CompanyView(CompanyId.newId(),
			new CompanyDetails("ALPHA SAS", Siren.of("123456782"),
					new PostalAddress("5 quai Saint-Antoine", "69002", "Lyon", "FR"),
					Iban.of("FR7630003012340005001234509")),
			ContractTerms.standard(), Instant.parse("2026-03-02T09:00:00Z"), 0);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CompanyManagement companies;

	@MockitoBean
	UserManagement users;

	@Test
	@WithMockUser(roles = "ANALYST")
	void listsCompaniesWithAmountsAndDatesInFrenchFormat() throws Exception {
		given(companies.list()).willReturn(List.of(ALPHA));
		mvc.perform(get("/companies"))
			.andExpect(status().isOk())
			.andExpect(view().name("companies/list"))
			.andExpect(model().attribute("companies", List.of(ALPHA)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("500\u202F000,00\u00A0€")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("02/03/2026")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("123 456 782")));
	}

	@Test
	@WithMockUser(roles = "COMPANY_USER")
	void answersNotFoundWhenTheFacadeHidesTheCompany() throws Exception {
		UUID foreign = UUID.randomUUID();
		given(companies.find(new CompanyId(foreign))).willThrow(new CompanyNotFound(new CompanyId(foreign)));
		mvc.perform(get("/companies/" + foreign)).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void showsContractTermsInEnglishOnRequest() throws Exception {
		given(companies.find(ALPHA.id())).willReturn(ALPHA);
		given(users.usersOf(ALPHA.id())).willReturn(List.of());
		mvc.perform(get("/companies/" + ALPHA.id()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Contract terms")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("€500,000.00")));
	}

}
