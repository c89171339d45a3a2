package io.cessio.platform.security;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled jobs and event listeners as {@code system}: factor operations' rights
 * (they act for every company), recorded as {@code system} in the audit trail. There is
 * no password and no session: only code inside the application can act this way.
 */
@Component
public class SystemActor {

	static final UUID SYSTEM_ACCOUNT = new UUID(0, 0);

	private static final CessioUser SYSTEM = new CessioUser(SYSTEM_ACCOUNT, "system", null, "Cessio", Role.OPS, null,
			true, false);

	public <T> T call(Supplier<T> task) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return task.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public void run(Runnable task) {
		call(() -> {
			task.run();
			return null;
		});
	}

}
