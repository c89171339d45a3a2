package io.cessio.companies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;

/**
 * Locks an account for a while after too many failed sign-ins in a row (5 and 15 minutes
 * by default). The count is kept by one atomic UPDATE, so concurrent attempts on several
 * instances cannot lose a failure.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockout;

	LoginAttempts(JdbcClient jdbc, AuditTrail auditTrail, Clock clock,
			@Value("${cessio.security.max-failed-logins}") int maxFailures,
			@Value("${cessio.security.lockout-duration}") Duration lockout) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		Instant now = clock.instant();
		// a lock that has expired starts a fresh count
		Optional<Integer> failures = jdbc.sql("""
				with attempt as (
				  select id, case when locked_until is not null and locked_until <= :now then 1
				                  else failed_login_count + 1 end as failures
				  from user_account where lower(username) = lower(:username) for update)
				update user_account u
				   set failed_login_count = attempt.failures,
				       locked_until = case when attempt.failures >= :max then :lockUntil
				                           when u.locked_until <= :now then null
				                           else u.locked_until end
				  from attempt
				 where u.id = attempt.id
				returning u.failed_login_count""")
			.param("now", Timestamp.from(now))
			.param("username", username)
			.param("max", maxFailures)
			.param("lockUntil", Timestamp.from(now.plus(lockout)))
			.query(Integer.class)
			.optional();
		if (failures.filter(count -> count == maxFailures).isPresent()) {
			auditTrail.recordOnItsOwn(username, "ACCOUNT_LOCKED", UserManagement.ENTITY, username,
					maxFailures + " failed sign-ins; locked for " + lockout.toMinutes() + " minutes", null);
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationSuccessEvent event) {
		jdbc.sql("""
				update user_account set failed_login_count = 0, locked_until = null
				 where lower(username) = lower(:username) and (failed_login_count > 0 or locked_until is not null)""")
			.param("username", event.getAuthentication().getName())
			.update();
	}

}
