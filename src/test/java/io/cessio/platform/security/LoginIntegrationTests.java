package io.cessio.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;

/**
 * Sign-in, lock-out, CSRF and session rules, through the real filter chain and database.
 */
@CessioIntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsInWithTheRightPasswordAndLandsOnTheRoleHome() throws Exception {
		String analyst = fixtures.aUser(Role.ANALYST);
		MvcResult login = mvc.perform(formLogin("/login").user(analyst).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		mvc.perform(get("/").session((MockHttpSession) login.getRequest().getSession()))
			.andExpect(redirectedUrl("/companies"));
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswords() throws Exception {
		String user = fixtures.aUser(Role.OPS);
		for (int attempt = 1; attempt <= 4; attempt++) {
			mvc.perform(formLogin("/login").user(user).password("wrong-password"))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(user).password("wrong-password"))
			.andExpect(redirectedUrl("/login?locked"));
		// even the right password is refused while locked
		mvc.perform(formLogin("/login").user(user).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILED'")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'ACCOUNT_LOCKED'")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		String user = fixtures.aUser(Role.ANALYST);
		mvc.perform(post("/login").param("username", user).param("password", AccountFixtures.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void givesANewSessionIdAtSignIn() throws Exception {
		String user = fixtures.aUser(Role.ANALYST);
		MockHttpSession anonymous = (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession();
		String before = anonymous.getId();
		MvcResult login = mvc
			.perform(post("/login").session(anonymous)
				.with(csrf())
				.param("username", user)
				.param("password", AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		assertThat(login.getRequest().getSession().getId()).isNotEqualTo(before);
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

}
