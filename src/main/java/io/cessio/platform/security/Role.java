package io.cessio.platform.security;

/**
 * What a signed-in person may do. A company user is bound to exactly one client company.
 */
public enum Role {

	/**
	 * Finance staff of a client company (adhérent): sees only their own company's data.
	 */
	COMPANY_USER,
	/** Factor analyst: reviews and approves assignments. */
	ANALYST,
	/** Factor operations: runs and watches the scheduled jobs. */
	OPS,
	/** Factor administrator: client companies, users, audit trail. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isFactorStaff() {
		return this != COMPANY_USER;
	}

}
