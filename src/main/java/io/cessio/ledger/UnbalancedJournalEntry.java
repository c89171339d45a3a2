package io.cessio.ledger;

/**
 * A journal entry whose debits and credits differ in some currency, or that has fewer
 * than two postings.
 */
public class UnbalancedJournalEntry extends IllegalArgumentException {

	public UnbalancedJournalEntry(String message) {
		super(message);
	}

}
