package io.cessio.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rate held as an exact decimal fraction (0.9 for 90 %, 0.003 for 0.30 %), with at most
 * 8 decimals so that percentages with up to 6 decimals are exact. More precision is
 * refused rather than rounded. Used for advance rates, commission rates, VAT and interest
 * margins.
 */
public record Rate(BigDecimal value) implements Comparable<Rate> {

	public static final int SCALE = 8;

	public static final Rate ZERO = new Rate(BigDecimal.ZERO);

	public Rate {
		Objects.requireNonNull(value, "value");
		try {
			value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"Rate " + value.toPlainString() + " is more precise than " + SCALE + " decimals", ex);
		}
	}

	public static Rate ofFraction(String fraction) {
		return new Rate(new BigDecimal(fraction));
	}

	public static Rate ofPercent(String percent) {
		return ofPercent(new BigDecimal(percent));
	}

	public static Rate ofPercent(BigDecimal percent) {
		return new Rate(percent.movePointLeft(2));
	}

	/** The rate in percent, without trailing zeros (90, 0.3, 1.5). */
	public BigDecimal percent() {
		BigDecimal percent = value.movePointRight(2).stripTrailingZeros();
		return percent.scale() < 0 ? percent.setScale(0) : percent;
	}

	public Rate plus(Rate other) {
		return new Rate(value.add(other.value));
	}

	public Rate complement() {
		return new Rate(BigDecimal.ONE.subtract(value));
	}

	public boolean isNegative() {
		return value.signum() < 0;
	}

	/** True when 0 ≤ rate ≤ 1. */
	public boolean isFraction() {
		return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
	}

	@Override
	public int compareTo(Rate other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return percent().toPlainString() + " %";
	}

}
