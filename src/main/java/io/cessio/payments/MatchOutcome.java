package io.cessio.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What matching did with a receipt. The allocations and the unallocated rest add up to
 * the receipt's amount exactly.
 *
 * @param allocations in the order the passes made them; empty when nothing matched
 * @param unallocated what stays in suspense (or, for an overpayment, to the debtor's
 * credit), scale 2, zero or positive
 * @param identifiedDebtor the debtor taken as payer: by IBAN or SIREN, else the debtor of
 * the invoices it paid by reference, else by name; null when unknown
 * @param suggestions the best open invoices for the unallocated rest (at most five, each
 * scoring at least 0.30), empty when everything was allocated
 */
public record MatchOutcome(List<ProposedAllocation> allocations, BigDecimal unallocated,
		@Nullable UUID identifiedDebtor, List<Suggestion> suggestions) {

	public MatchOutcome {
		allocations = List.copyOf(allocations);
		suggestions = List.copyOf(suggestions);
		if (unallocated.signum() < 0 || unallocated.scale() != 2) {
			throw new IllegalArgumentException("Unallocated is zero or positive, scale 2: " + unallocated);
		}
	}

	public BigDecimal allocated() {
		return allocations.stream()
			.map(ProposedAllocation::amount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	public boolean fullyAllocated() {
		return unallocated.signum() == 0;
	}

}
