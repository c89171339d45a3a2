package io.cessio.payments;

/** Where a statement entry stands in the lettrage. */
public enum EntryState {

	/** A receipt nothing of which is allocated yet. */
	SUSPENSE,
	/** A receipt partly allocated; the rest waits in suspense. */
	PARTIAL,
	/** A receipt wholly allocated to invoices. */
	MATCHED,
	/** A receipt (or its rest) given back to the company as its own money. */
	RETURNED,
	/** One of Cessio's own transfers, found again on the statement. */
	RECONCILED,
	/** A debit Cessio did not initiate: for operations to look into. */
	TO_REVIEW,
	/** Not booked by the bank (pending, information). */
	NOT_BOOKED

}
