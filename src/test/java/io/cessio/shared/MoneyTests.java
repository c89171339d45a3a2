package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTests {

	static final Currency USD = Currency.getInstance("USD");

	static final Currency JPY = Currency.getInstance("JPY");

	@ParameterizedTest
	@CsvSource({ "12, 12.00", "12.5, 12.50", "12.50, 12.50", "12.500, 12.50", "0, 0.00", "-3.1, -3.10", "1E+3, 1000.00",
			"0.010000, 0.01" })
	void normalisesEuroAmountsToTwoDecimals(String input, String expected) {
		Money money = Money.eur(input);

		// BigDecimal.equals compares the scale too
		assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
		assertThat(money.amount().scale()).isEqualTo(2);
	}

	@Test
	void normalisesToTheCurrencyDecimals() {
		assertThat(Money.of(new BigDecimal("1500"), JPY).amount()).isEqualTo(new BigDecimal("1500"));
		assertThat(Money.of(new BigDecimal("1500.0"), JPY).amount().scale()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("1500.5"), JPY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.001", "12.345", "-0.005", "1.0000001", "99.999" })
	void refusesSubCentAmounts(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.eur(amount))
			.withMessageContaining("more decimals than EUR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "99999999999999999.99", "-99999999999999999.99", "10000000000000000" })
	void acceptsAmountsWithSeventeenDigitsBeforeThePoint(String amount) {
		assertThat(Money.eur(amount).amount()).isEqualByComparingTo(amount);
	}

	@ParameterizedTest
	@ValueSource(strings = { "100000000000000000", "-100000000000000000.00", "123456789012345678.90", "1E+20" })
	void refusesAmountsTooLargeForTheColumn(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.eur(amount)).withMessageContaining("too large");
	}

	@Test
	void refusesToOverflowByAddition() {
		Money largest = Money.eur("99999999999999999.99");

		assertThatIllegalArgumentException().isThrownBy(() -> largest.plus(Money.eur("0.01")));
	}

	@Test
	void requiresAnAmountAndACurrency() {
		assertThatNullPointerException().isThrownBy(() -> new Money(null, Money.EUR));
		assertThatNullPointerException().isThrownBy(() -> new Money(BigDecimal.ONE, null));
	}

	@ParameterizedTest
	@CsvSource({ "20400.00, 0.01, 20400.01", "0.10, 0.20, 0.30", "-5.00, 2.50, -2.50", "0, 0, 0.00" })
	void addsAmounts(String left, String right, String sum) {
		assertThat(Money.eur(left).plus(Money.eur(right))).isEqualTo(Money.eur(sum));
	}

	@ParameterizedTest
	@CsvSource({ "20400.00, 0.01, 20399.99", "0.30, 0.10, 0.20", "1.00, 2.50, -1.50" })
	void subtractsAmounts(String left, String right, String difference) {
		assertThat(Money.eur(left).minus(Money.eur(right))).isEqualTo(Money.eur(difference));
	}

	@ParameterizedTest
	@CsvSource({ "12.34, -12.34", "-0.01, 0.01", "0, 0" })
	void negatesAmounts(String amount, String negated) {
		assertThat(Money.eur(amount).negate()).isEqualTo(Money.eur(negated));
		assertThat(Money.eur(amount).negate().negate()).isEqualTo(Money.eur(amount));
	}

	@ParameterizedTest
	@CsvSource({ "20400.00, 0.30, HALF_UP, 61.20", "20400.00, 90, HALF_UP, 18360.00", "1.00, 0.5, HALF_UP, 0.01",
			"1.00, 0.5, HALF_EVEN, 0.00", "1.00, 0.5, DOWN, 0.00", "0.25, 10, HALF_UP, 0.03",
			"0.25, 10, HALF_EVEN, 0.02", "0.15, 10, HALF_EVEN, 0.02", "-1.00, 0.5, HALF_UP, -0.01",
			"-1.00, 0.5, CEILING, 0.00", "1234.56, 0, HALF_UP, 0.00", "1234.56, 100, HALF_UP, 1234.56",
			"18275.76, 0.123456, HALF_UP, 22.56" })
	void multipliesByARateRoundingOnceWithTheGivenMode(String amount, String percent, RoundingMode rounding,
			String expected) {
		Money product = Money.eur(amount).times(Rate.ofPercent(percent), rounding);

		assertThat(product).isEqualTo(Money.eur(expected));
		assertThat(product.amount().scale()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource({ "12.50, 3, 37.50", "12.50, 0, 0.00", "0.01, -2, -0.02" })
	void multipliesByACount(String amount, int count, String expected) {
		assertThat(Money.eur(amount).times(count)).isEqualTo(Money.eur(expected));
	}

	@Test
	void refusesArithmeticAcrossCurrencies() {
		Money euros = Money.eur("10.00");
		Money dollars = Money.of(new BigDecimal("10.00"), USD);

		assertThatIllegalArgumentException().isThrownBy(() -> euros.plus(dollars))
			.withMessageContaining("Currency mismatch");
		assertThatIllegalArgumentException().isThrownBy(() -> euros.minus(dollars))
			.withMessageContaining("Currency mismatch");
		assertThatIllegalArgumentException().isThrownBy(() -> euros.compareTo(dollars))
			.withMessageContaining("Currency mismatch");
		assertThatIllegalArgumentException().isThrownBy(() -> euros.isGreaterThan(dollars));
		assertThatIllegalArgumentException().isThrownBy(() -> euros.isLessThan(dollars));
	}

	@Test
	void equalAmountsWrittenWithDifferentScalesAreEqual() {
		assertThat(Money.eur("12.5")).isEqualTo(Money.eur("12.50000")).hasSameHashCodeAs(Money.eur("12.50000"));
		assertThat(Money.eur(new BigDecimal("100"))).isEqualTo(Money.eur("1E+2"));
	}

	@Test
	void sameAmountInAnotherCurrencyIsNotEqual() {
		assertThat(Money.eur("10.00")).isNotEqualTo(Money.of(new BigDecimal("10.00"), USD));
		assertThat(Money.eur("10.00")).isNotEqualTo(Money.eur("10.01"));
	}

	@ParameterizedTest
	@CsvSource({ "1.00, 1, 0", "1.00, 2.00, -1", "2.00, 1.99, 1", "-5, 0, -1", "0, -0.00, 0" })
	void comparesAmountsInTheSameCurrency(String left, String right, int sign) {
		Money a = Money.eur(left);
		Money b = Money.eur(right);

		assertThat(Integer.signum(a.compareTo(b))).isEqualTo(sign);
		assertThat(a.isGreaterThan(b)).isEqualTo(sign > 0);
		assertThat(a.isLessThan(b)).isEqualTo(sign < 0);
	}

	@ParameterizedTest
	@CsvSource({ "0.01, true, false, false", "0, false, false, true", "-0.01, false, true, false" })
	void knowsItsSign(String amount, boolean positive, boolean negative, boolean zero) {
		Money money = Money.eur(amount);

		assertThat(money.isPositive()).isEqualTo(positive);
		assertThat(money.isNegative()).isEqualTo(negative);
		assertThat(money.isZero()).isEqualTo(zero);
	}

	@Test
	void zeroHasTheCurrencyDecimals() {
		assertThat(Money.zero(Money.EUR)).isEqualTo(Money.eur("0.00"));
		assertThat(Money.zero(Money.EUR).amount().scale()).isEqualTo(2);
		assertThat(Money.zero(JPY).amount().scale()).isZero();
	}

	@Test
	void printsThePlainAmountAndTheCurrencyCode() {
		assertThat(Money.eur("1E+3")).hasToString("1000.00 EUR");
		assertThat(Money.eur("-12.5")).hasToString("-12.50 EUR");
	}

}
