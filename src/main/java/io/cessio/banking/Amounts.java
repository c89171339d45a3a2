package io.cessio.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Statement amounts are in euros and cents. */
final class Amounts {

	private Amounts() {
	}

	/** Whether the amount has no digit beyond the cents ({@code 12.500} has none). */
	static boolean hasCents(BigDecimal amount) {
		return amount.scale() <= 2 || amount.setScale(2, RoundingMode.DOWN).compareTo(amount) == 0;
	}

}
