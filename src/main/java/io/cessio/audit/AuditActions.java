package io.cessio.audit;

/**
 * Names of the security actions written to the audit trail; modules name their own
 * actions.
 */
public final class AuditActions {

	public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGOUT = "LOGOUT";

	public static final String ACCESS_DENIED = "ACCESS_DENIED";

	private AuditActions() {
	}

}
