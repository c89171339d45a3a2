package io.cessio.approval;

/**
 * The reason codes of the eligibility checks. Each has an explanation and a remedy in the
 * message bundles ({@code approval.check.CODE.explanation}, {@code ….remedy}).
 */
public enum EligibilityCheck {

	DEBTOR_NOT_APPROVED, APPROVAL_EXPIRED, APPROVAL_LIMIT_EXCEEDED, DEBTOR_BLOCKED, CONCENTRATION_EXCEEDED,
	TERM_OVER_LEGAL_LIMIT, TERM_OVER_CONTRACT_LIMIT, ISSUE_DATE_IN_FUTURE, DUPLICATE, NON_POSITIVE_AMOUNT,
	FACILITY_LIMIT_EXCEEDED, ALREADY_OVERDUE;

	public String explanationKey() {
		return "approval.check." + name() + ".explanation";
	}

	public String remedyKey() {
		return "approval.check." + name() + ".remedy";
	}

}
