package io.cessio.funding;

import java.time.Instant;
import java.util.List;

/**
 * What operations watch: pending payouts (late ones first to see) and the latest
 * executed.
 */
public record PayoutBoard(List<PayoutView> pending, List<PayoutView> executed, Instant now) {

	public List<PayoutView> late() {
		return pending.stream().filter(payout -> payout.isLate(now)).toList();
	}

}
