package io.cessio.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;

/** Health is public (details for OPS/ADMIN only); info and metrics need OPS or ADMIN. */
@CessioIntegrationTest
class ActuatorSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Test
	void healthIsPublicWithoutDetails() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void operationsSeeTheDatabaseInHealthAndReadMetrics() throws Exception {
		var ops = user(users.loadUserByUsername(fixtures.aUser(Role.OPS)));
		mvc.perform(get("/actuator/health").with(ops))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		mvc.perform(get("/actuator/prometheus").with(ops))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/actuator/info").with(ops)).andExpect(status().isOk());
	}

	@Test
	void othersCannotReadMetrics() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(redirectedUrl("/login"));
		var analyst = user(users.loadUserByUsername(fixtures.aUser(Role.ANALYST)));
		mvc.perform(get("/actuator/prometheus").with(analyst)).andExpect(status().isForbidden());
		var company = user(users.loadUserByUsername(fixtures.aUser(Role.COMPANY_USER)));
		mvc.perform(get("/actuator/info").with(company)).andExpect(status().isForbidden());
	}

}
