package io.cessio.platform.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Port through which the security layer re-checks, on each request, that a signed-in
 * account is still allowed in: active, and not signed out everywhere since the session
 * began. Sessions are held by each instance, so the database is the one place a
 * deactivation is seen by all of them.
 */
public interface AccountStatus {

	/**
	 * @param authenticatedAt when the session signed in; null when unknown, in which case
	 * only the account's being active is checked
	 */
	boolean allowsSessionStartedAt(String username, @Nullable Instant authenticatedAt);

	/** True while the account is locked out after repeated failed sign-ins. */
	boolean isLockedOut(String username);

}
