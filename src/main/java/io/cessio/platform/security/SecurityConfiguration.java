package io.cessio.platform.security;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach which URL. Every module's pages are listed here by role; the module
 * facades check the role again with {@code @PreAuthorize}, and company users are further
 * scoped to their own company by {@link CurrentUser#canSeeCompany}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountStatus accountStatus, Clock clock,
			ApplicationEventPublisher events) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAnyRole("OPS", "ADMIN")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/ops/**")
			.hasAnyRole("OPS", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/companies")
			.hasAnyRole("ANALYST", "OPS", "ADMIN")
			.requestMatchers("/companies/**")
			.authenticated()
			.requestMatchers("/reviews", "/reviews/**", "/review-items/**")
			.hasRole("ANALYST")
			.requestMatchers("/debtors/**", "/invoices/**", "/remittances/**", "/attachments/**", "/receipts/**")
			.authenticated()
			.requestMatchers("/", "/account/**")
			.authenticated()
			.anyRequest()
			.denyAll());

		http.formLogin(form -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(rememberLoginTime(clock))
			.failureHandler(loginFailure(accountStatus)));
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?logout")
			.invalidateHttpSession(true)
			.deleteCookies("CESSIO_SESSION"));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(auditedAccessDenied(events)));
		http.addFilterAfter(new AccountStatusFilter(accountStatus), BasicAuthenticationFilter.class);
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(frame -> frame.deny())
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, with the {id} prefix so that stored hashes can move to a stronger
		// scheme later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationSuccessHandler rememberLoginTime(Clock clock) {
		SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
		home.setAlwaysUseDefaultTargetUrl(true);
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			request.getSession().setAttribute(AccountStatusFilter.AUTHENTICATED_AT, clock.instant());
			home.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler loginFailure(AccountStatus accountStatus) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String username = request.getParameter("username") == null ? "" : request.getParameter("username");
			String reason;
			if (exception instanceof LockedException) {
				reason = "locked";
			}
			else if (exception instanceof DisabledException) {
				reason = "disabled";
			}
			else {
				// the failure that reaches the limit locks the account: say so at once
				reason = accountStatus.isLockedOut(username) ? "locked" : "error";
			}
			request.getSession().setAttribute("cessio.lastUsername", username);
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	private static AccessDeniedHandler auditedAccessDenied(ApplicationEventPublisher events) {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) -> {
			String username = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
			events.publishEvent(new AccessWasDenied(username, request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr()));
			forbidden.handle(request, response, exception);
		};
	}

}
