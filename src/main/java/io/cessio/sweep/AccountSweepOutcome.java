package io.cessio.sweep;

import io.cessio.shared.Money;

/** How the sweep of one account ended. */
sealed interface AccountSweepOutcome {

	record Swept(Money amount) implements AccountSweepOutcome {
	}

	/** Nothing to do: already swept this business date, or nothing held any more. */
	record Skipped() implements AccountSweepOutcome {
	}

}
