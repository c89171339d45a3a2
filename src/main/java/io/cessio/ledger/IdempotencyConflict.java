package io.cessio.ledger;

/**
 * An entry with this source key was already posted with different postings; nothing was
 * posted.
 */
public class IdempotencyConflict extends RuntimeException {

	public IdempotencyConflict(String sourceType, String sourceRef) {
		super("Entry " + sourceType + "/" + sourceRef + " already exists with different postings");
	}

}
