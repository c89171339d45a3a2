package io.cessio.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Euro amounts as whole cents while matching: exact, and cheap to add and compare over
 * thousands of items. Amounts enter and leave the engine as {@link BigDecimal} of scale
 * 2.
 */
final class Cents {

	private Cents() {
	}

	static long of(BigDecimal amount) {
		return amount.movePointRight(2).longValueExact();
	}

	static BigDecimal amount(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	/** The amount with scale 2, refused if zero, negative or finer than a cent. */
	static BigDecimal requirePositive(BigDecimal amount, String what) {
		Objects.requireNonNull(amount, what);
		BigDecimal scaled;
		try {
			scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(what + " " + amount.toPlainString() + " is finer than a cent", ex);
		}
		if (scaled.signum() <= 0) {
			throw new IllegalArgumentException(what + " must be positive: " + amount.toPlainString());
		}
		return scaled;
	}

}
