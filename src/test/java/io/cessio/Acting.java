package io.cessio;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Calls the module facades as a signed-in user, for tests that go through the services
 * rather than the web layer (role checks and company scoping still apply).
 */
public final class Acting {

	private final UserDetailsService users;

	public Acting(UserDetailsService users) {
		this.users = users;
	}

	public <T> T as(String username, Supplier<T> action) {
		UserDetails user = users.loadUserByUsername(username);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public void run(String username, Runnable action) {
		as(username, () -> {
			action.run();
			return null;
		});
	}

}
