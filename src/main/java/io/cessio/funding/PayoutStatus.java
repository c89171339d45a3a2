package io.cessio.funding;

/**
 * A payout waits for the job, is executed by the bank, or was cancelled (with a reason).
 */
public enum PayoutStatus {

	PENDING, EXECUTED, CANCELLED

}
