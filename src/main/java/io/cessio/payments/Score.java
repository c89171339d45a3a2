package io.cessio.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The confidence of each automatic rule (DOMAIN.md §5.5), 0 to 1 with two decimals. */
final class Score {

	static final BigDecimal REFERENCE_FULL = new BigDecimal("1.00");

	static final BigDecimal REFERENCE_PARTIAL = new BigDecimal("0.97");

	static final BigDecimal NUMBER_FULL = new BigDecimal("0.98");

	static final BigDecimal NUMBER_PARTIAL = new BigDecimal("0.95");

	/** Several referenced invoices paid short, oldest due first. */
	static final BigDecimal SEVERAL_REFERENCED_OLDEST_FIRST = new BigDecimal("0.90");

	static final BigDecimal UNIQUE_AMOUNT = new BigDecimal("0.95");

	static final BigDecimal SUBSET_SUM = new BigDecimal("0.93");

	static final BigDecimal OLDEST_FIRST = new BigDecimal("0.85");

	private Score() {
	}

	static BigDecimal of(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

}
