package io.cessio.funding;

/**
 * Why part of the outstanding is not financed (DOMAIN.md §3.2). Each has a readable
 * explanation in the bundles ({@code funding.ineligible.REASON}).
 */
public enum IneligibleReason {

	/** The amount of an open dispute (litige) on the invoice. */
	DISPUTED,
	/** Past the contract's définancement delay after the due date. */
	DEFUNDED,
	/** The debtor has no valid approval, or is blocked. */
	UNAPPROVED_DEBTOR,
	/** The part of an approved debtor's outstanding above its approval limit. */
	OVER_APPROVAL,
	/**
	 * The part of a debtor's eligible outstanding above the contract's concentration
	 * limit.
	 */
	OVER_CONCENTRATION

}
