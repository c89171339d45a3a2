package io.cessio.funding;

/** Why a payout was requested. */
public enum PayoutKind {

	/** The whole availability, automatically after a purchase (contract option). */
	AFTER_PURCHASE,
	/** A draw the company asked for, up to its availability. */
	DRAW,
	/** Availability that collections released (the reserve), paid back to the company. */
	RESERVE_REFUND

}
