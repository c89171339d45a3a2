package io.cessio.payments;

/** How the payer of a receipt was recognised as a known debtor, strongest first. */
enum IdentifiedBy {

	IBAN("debtor by IBAN", true),

	SIREN("debtor by SIREN", true),

	/** Every invoice the receipt paid by reference is this debtor's. */
	REFERENCED_INVOICES("debtor of the referenced invoices", true),

	NAME("debtor by name", false),

	/** The payer's name is the start of this debtor's name, and of no other's. */
	TRUNCATED_NAME("debtor by truncated name", false),

	SIMILAR_NAME("debtor by similar name", false);

	private final String reason;

	private final boolean certain;

	IdentifiedBy(String reason, boolean certain) {
		this.reason = reason;
		this.certain = certain;
	}

	String reason() {
		return reason;
	}

	/**
	 * An account or a registration number identifies a company; a name does not always
	 * (two companies of one name, a name cut short by the bank). A debtor known only by
	 * name is trusted with an exact amount, not with a combination of invoices or with
	 * money spread over its oldest ones.
	 */
	boolean isCertain() {
		return certain;
	}

}
