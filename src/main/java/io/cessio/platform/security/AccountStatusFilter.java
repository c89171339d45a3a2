package io.cessio.platform.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account was deactivated (or signed out everywhere) after the
 * session began. The check reads the account row on each request, so it holds whichever
 * instance served the login.
 */
class AccountStatusFilter extends OncePerRequestFilter {

	static final String AUTHENTICATED_AT = "cessio.authenticatedAt";

	private final AccountStatus accountStatus;

	AccountStatusFilter(AccountStatus accountStatus) {
		this.accountStatus = accountStatus;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (authentication != null && authentication.getPrincipal() instanceof CessioUser user
				&& !accountStatus.allowsSessionStartedAt(user.getUsername(), authenticatedAt(session))) {
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable Instant authenticatedAt(@Nullable HttpSession session) {
		return session != null && session.getAttribute(AUTHENTICATED_AT) instanceof Instant instant ? instant : null;
	}

}
