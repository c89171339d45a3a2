package io.cessio.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.cessio.platform.security.AccessWasDenied;

/**
 * Writes sign-ins, failed sign-ins, sign-outs and refused accesses to the audit trail.
 */
@Component
class SecurityEventsAudit {

	private final AuditTrail auditTrail;

	SecurityEventsAudit(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		auditTrail.recordOnItsOwn(authentication.getName(), AuditActions.LOGIN_SUCCEEDED, "USER",
				authentication.getName(), null, ipOf(authentication));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication authentication = event.getAuthentication();
		String reason = "bad credentials";
		if (event.getException() instanceof LockedException) {
			reason = "account locked";
		}
		else if (event.getException() instanceof DisabledException) {
			reason = "account deactivated";
		}
		auditTrail.recordOnItsOwn(authentication.getName(), AuditActions.LOGIN_FAILED, "USER", authentication.getName(),
				reason, ipOf(authentication));
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		auditTrail.recordOnItsOwn(authentication.getName(), AuditActions.LOGOUT, "USER", authentication.getName(), null,
				ipOf(authentication));
	}

	@EventListener
	void on(AccessWasDenied event) {
		auditTrail.recordOnItsOwn(event.username(), AuditActions.ACCESS_DENIED, "URL", event.path(),
				event.method() + " " + event.path(), event.sourceIp());
	}

	private static @Nullable String ipOf(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
