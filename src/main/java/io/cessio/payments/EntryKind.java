package io.cessio.payments;

/** What a statement entry is, once recognised. */
enum EntryKind {

	/** Money received from someone else: booked to suspense, then matched. */
	RECEIPT,
	/** A transfer Cessio initiated itself (payout, withdrawal, sweep): reconciled. */
	OWN_TRANSFER,
	/** Money taken out of the account that Cessio did not initiate: to review. */
	OTHER_DEBIT,
	/** Pending or information only: kept, no money moves. */
	NOT_BOOKED

}
