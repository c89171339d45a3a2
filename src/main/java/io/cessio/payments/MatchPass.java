package io.cessio.payments;

/**
 * The rule that allocated money to an invoice, strongest first (DOMAIN.md §5.5). Our own
 * outgoing transfers, recognised by their end-to-end id, are set apart before matching.
 */
public enum MatchPass {

	/** The invoice's ISO 11649 reference, with valid check digits. */
	RF_REFERENCE,

	/** The invoice's number in the remittance information. */
	INVOICE_NUMBER,

	/** The identified debtor's only open invoice of exactly that amount. */
	DEBTOR_UNIQUE_AMOUNT,

	/** The only combination of the debtor's oldest open invoices that adds up exactly. */
	DEBTOR_SUBSET_SUM,

	/** The debtor's open invoices, oldest due first, the last one partly. */
	DEBTOR_PARTIAL_OLDEST_FIRST,

	/** Decided by a person; the engine never proposes it. */
	MANUAL

}
