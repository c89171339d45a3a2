package io.cessio.invoices;

/**
 * A dispute is open, or ended by the debtor's payment, by a credit note, or withdrawn.
 */
public enum DisputeStatus {

	OPEN, ENDED_BY_PAYMENT, ENDED_BY_CREDIT_NOTE, WITHDRAWN

}
