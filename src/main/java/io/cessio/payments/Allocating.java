package io.cessio.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocations of one receipt while its passes run, before they are applied to the
 * book: what is left of the receipt, and what is left open on each item once this
 * receipt's earlier allocations are counted.
 */
final class Allocating {

	private final long amount;

	private long remaining;

	private final Map<BookItem, Long> allocatedTo = new IdentityHashMap<>();

	private final List<Proposal> proposals = new ArrayList<>();

	Allocating(long amount) {
		this.amount = amount;
		this.remaining = amount;
	}

	long amount() {
		return amount;
	}

	long remaining() {
		return remaining;
	}

	boolean isDone() {
		return remaining == 0;
	}

	boolean hasAllocated() {
		return !proposals.isEmpty();
	}

	/** What the item still owes after this receipt's allocations so far. */
	long openOf(BookItem item) {
		return item.open() - allocatedTo.getOrDefault(item, 0L);
	}

	boolean isOpen(BookItem item) {
		return openOf(item) > 0;
	}

	void allocate(BookItem item, long cents, MatchPass pass, BigDecimal score) {
		if (cents <= 0 || cents > remaining || cents > openOf(item)) {
			throw new IllegalStateException("Cannot allocate " + cents + " cents to " + item + " with " + remaining
					+ " cents left of the receipt and " + openOf(item) + " cents open");
		}
		allocatedTo.merge(item, cents, Long::sum);
		remaining -= cents;
		proposals.add(new Proposal(item, cents, pass, score));
	}

	/** The item's whole open amount, which must not exceed what is left. */
	void payInFull(BookItem item, MatchPass pass, BigDecimal score) {
		allocate(item, openOf(item), pass, score);
	}

	/** Oldest due first until the receipt is used up, the last one partly. */
	void payInOrder(List<BookItem> oldestDueFirst, MatchPass pass, BigDecimal score) {
		for (BookItem item : oldestDueFirst) {
			if (isDone()) {
				return;
			}
			long open = openOf(item);
			if (open > 0) {
				allocate(item, Math.min(open, remaining), pass, score);
			}
		}
	}

	List<Proposal> proposals() {
		return proposals;
	}

	record Proposal(BookItem item, long cents, MatchPass pass, BigDecimal score) {

		ProposedAllocation toAllocation() {
			return new ProposedAllocation(item.item().invoiceId(), Cents.amount(cents), pass, score);
		}

	}

}
