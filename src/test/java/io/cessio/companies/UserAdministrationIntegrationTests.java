package io.cessio.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.cessio.CessioIntegrationTest;
import io.cessio.platform.security.Role;

/** Accounts: creation rules, deactivation ending sessions, password hashing. */
@CessioIntegrationTest
class UserAdministrationIntegrationTests {

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
	void deactivatingAUserEndsTheirOpenSession() throws Exception {
		String analyst = fixtures.aUser(Role.ANALYST);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(analyst).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/companies").session(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/" + idOf(analyst) + "/deactivate").with(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));

		mvc.perform(get("/companies").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin("/login").user(analyst).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?disabled"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_DEACTIVATED' and entity_id = ?")
			.param(idOf(analyst).toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void createsACompanyUserBoundToTheirCompanyWithAHashedPassword() throws Exception {
		CompanyId company = fixtures.aCompany();
		mvc.perform(post("/admin/users").with(admin)
			.with(csrf())
			.param("username", "nouvel.utilisateur." + UUID.randomUUID().toString().substring(0, 6))
			.param("displayName", "Nouvel Utilisateur")
			.param("email", "nouvel@example.com")
			.param("role", "COMPANY_USER")
			.param("companyId", company.toString())
			.param("initialPassword", "un-mot-de-passe-long")).andExpect(redirectedUrl("/admin/users"));
		var row = jdbc.sql("select password_hash, role from user_account where company_id = ? and display_name = ?")
			.params(company.value(), "Nouvel Utilisateur")
			.query()
			.singleRow();
		assertThat(row.get("role")).isEqualTo("COMPANY_USER");
		assertThat((String) row.get("password_hash")).startsWith("{bcrypt}").doesNotContain("un-mot-de-passe-long");
	}

	@Test
	void refusesACompanyUserWithoutCompanyAndAShortPassword() throws Exception {
		long before = jdbc.sql("select count(*) from user_account").query(Long.class).single();
		mvc.perform(post("/admin/users").with(admin)
			.with(csrf())
			.param("username", "sans-societe")
			.param("displayName", "Sans Société")
			.param("email", "sans@example.com")
			.param("role", "COMPANY_USER")
			.param("initialPassword", "court"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "companyId", "initialPassword"));
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anAdministratorCannotDeactivateThemself() throws Exception {
		String adminName = fixtures.aUser(Role.ADMIN);
		mvc.perform(
				post("/admin/users/" + idOf(adminName) + "/deactivate").with(user(users.loadUserByUsername(adminName)))
					.with(csrf()))
			.andExpect(flash().attribute("errorMessage", "users.error.deactivateSelf"));
		assertThat(jdbc.sql("select active from user_account where username = ?")
			.param(adminName)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void changingOwnPasswordRequiresTheCurrentOneAndEndsTheSession() throws Exception {
		String ops = fixtures.aUser(Role.OPS);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(ops).password(AccountFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", "not-the-password")
			.param("newPassword", "a-brand-new-secret")
			.param("confirmation", "a-brand-new-secret")).andExpect(status().isOk());
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "a-brand-new-secret")
			.param("confirmation", "a-brand-new-secret")).andExpect(redirectedUrl("/login?passwordChanged"));
		mvc.perform(formLogin("/login").user(ops).password("a-brand-new-secret")).andExpect(redirectedUrl("/"));
	}

	private UUID idOf(String username) {
		return jdbc.sql("select id from user_account where username = ?").param(username).query(UUID.class).single();
	}

}
