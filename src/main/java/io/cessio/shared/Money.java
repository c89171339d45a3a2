package io.cessio.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An exact amount of money in one currency. The amount always has the currency's number
 * of decimals (2 for EUR): a more precise amount is refused rather than rounded silently,
 * so two equal amounts are {@code equals}. Arithmetic across currencies is refused. Never
 * built from a double.
 */
@Embeddable
public record Money(@Column(name = "amount", precision = 19, scale = 2) BigDecimal amount,
		@Column(name = "currency", length = 3) Currency currency) implements Comparable<Money> {

	public static final Currency EUR = Currency.getInstance("EUR");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		try {
			amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"Amount " + amount.toPlainString() + " has more decimals than " + currency + " allows", ex);
		}
		if (amount.precision() - amount.scale() > 17) {
			throw new IllegalArgumentException("Amount " + amount.toPlainString() + " is too large");
		}
	}

	public static Money of(BigDecimal amount, Currency currency) {
		return new Money(amount, currency);
	}

	public static Money eur(String amount) {
		return new Money(new BigDecimal(amount), EUR);
	}

	public static Money eur(BigDecimal amount) {
		return new Money(amount, EUR);
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	/**
	 * This amount times a rate, rounded once to the currency's decimals with the given
	 * mode.
	 */
	public Money times(Rate rate, RoundingMode rounding) {
		return new Money(amount.multiply(rate.value()).setScale(currency.getDefaultFractionDigits(), rounding),
				currency);
	}

	/** This amount times a whole count (e.g. per-invoice fee × number of invoices). */
	public Money times(int count) {
		return new Money(amount.multiply(BigDecimal.valueOf(count)), currency);
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Currency mismatch: " + currency + " vs " + other.currency);
		}
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}

}
