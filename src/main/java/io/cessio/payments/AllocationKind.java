package io.cessio.payments;

/** Whose money an allocated part of a receipt is. */
public enum AllocationKind {

	/** Payment of an assigned invoice: the factor's, until swept. */
	COLLECTION,
	/** Payment of an invoice the company never assigned: the company's. */
	NON_ASSIGNED,
	/** Given back to the company from suspense, without an invoice. */
	RETURNED_TO_COMPANY

}
