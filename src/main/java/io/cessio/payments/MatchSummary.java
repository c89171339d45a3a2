package io.cessio.payments;

import io.cessio.shared.Money;

/**
 * What a lettrage run did with the receipts it looked at: wholly allocated, partly, or
 * left in suspense, by count and amount.
 */
public record MatchSummary(int receipts, int matched, int partial, int unmatched, Money allocatedAmount,
		Money unallocatedAmount) {

	public static MatchSummary none() {
		return new MatchSummary(0, 0, 0, 0, Money.zero(Money.EUR), Money.zero(Money.EUR));
	}

	public MatchSummary plus(MatchSummary other) {
		return new MatchSummary(receipts + other.receipts, matched + other.matched, partial + other.partial,
				unmatched + other.unmatched, allocatedAmount.plus(other.allocatedAmount),
				unallocatedAmount.plus(other.unallocatedAmount));
	}

}
