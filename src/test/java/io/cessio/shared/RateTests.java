package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTests {

	@ParameterizedTest
	@CsvSource({ "90, 0.9", "0.30, 0.003", "1.5, 0.015", "100, 1", "0, 0", "12.5, 0.125", "0.123456, 0.00123456",
			"-2, -0.02", "150, 1.5" })
	void convertsPercentToFractionAndBack(String percent, String fraction) {
		Rate rate = Rate.ofPercent(percent);

		assertThat(rate.value()).isEqualByComparingTo(fraction);
		assertThat(rate.percent()).isEqualByComparingTo(percent);
		assertThat(Rate.ofPercent(rate.percent())).isEqualTo(rate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.9", "0.003", "1", "0", "0.12345678" })
	void holdsEveryRateAtEightDecimals(String fraction) {
		assertThat(Rate.ofFraction(fraction).value().scale()).isEqualTo(Rate.SCALE).isEqualTo(8);
	}

	@ParameterizedTest
	@CsvSource({ "90.00, 90", "0.30, 0.3", "1.50, 1.5", "0, 0", "100, 100", "0.123456, 0.123456" })
	void printsPercentWithoutTrailingZeros(String percent, String printed) {
		Rate rate = Rate.ofPercent(percent);

		assertThat(rate.percent().toPlainString()).isEqualTo(printed);
		assertThat(rate).hasToString(printed + " %");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.123456789", "0.000000001", "1.000000005", "-0.999999999" })
	void refusesFractionsWithNineDecimals(String fraction) {
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.ofFraction(fraction))
			.withMessageContaining("more precise than 8 decimals");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.1234567", "0.0000001", "12.3456789" })
	void refusesPercentagesWithSevenDecimals(String percent) {
		assertThatIllegalArgumentException().isThrownBy(() -> Rate.ofPercent(percent));
	}

	@Test
	void acceptsExtraTrailingZeros() {
		assertThat(Rate.ofFraction("0.9000000000000")).isEqualTo(Rate.ofFraction("0.9"));
	}

	@Test
	void equalRatesWrittenDifferentlyAreEqual() {
		assertThat(Rate.ofFraction("0.9")).isEqualTo(Rate.ofPercent("90"))
			.isEqualTo(new Rate(new BigDecimal("0.900")))
			.hasSameHashCodeAs(Rate.ofPercent("90.0"));
		assertThat(Rate.ofPercent("0")).isEqualTo(Rate.ZERO);
		assertThat(Rate.ofPercent("90")).isNotEqualTo(Rate.ofPercent("90.000001"));
	}

	@Test
	void requiresAValue() {
		assertThatNullPointerException().isThrownBy(() -> new Rate(null));
	}

	@ParameterizedTest
	@CsvSource({ "90, 10", "0, 100", "100, 0", "0.30, 99.70", "12.345678, 87.654322", "150, -50" })
	void complementsToOneHundredPercent(String percent, String complement) {
		assertThat(Rate.ofPercent(percent).complement()).isEqualTo(Rate.ofPercent(complement));
	}

	@Test
	void addsRates() {
		assertThat(Rate.ofPercent("0.30").plus(Rate.ofPercent("0.20"))).isEqualTo(Rate.ofPercent("0.5"));
	}

	@ParameterizedTest
	@CsvSource({ "-0.00000001, false, true", "0, true, false", "0.5, true, false", "1, true, false",
			"1.00000001, false, false" })
	void knowsWhetherItIsAFraction(String fraction, boolean isFraction, boolean negative) {
		Rate rate = Rate.ofFraction(fraction);

		assertThat(rate.isFraction()).isEqualTo(isFraction);
		assertThat(rate.isNegative()).isEqualTo(negative);
	}

	@ParameterizedTest
	@CsvSource({ "0.3, 0.30, 0", "0.3, 0.31, -1", "90, 85, 1" })
	void comparesByValue(String left, String right, int sign) {
		assertThat(Integer.signum(Rate.ofPercent(left).compareTo(Rate.ofPercent(right)))).isEqualTo(sign);
	}

	@Test
	void storesItsFractionInTheColumn() {
		RateConverter converter = new RateConverter();

		assertThat(converter.convertToDatabaseColumn(Rate.ofPercent("0.30"))).isEqualByComparingTo("0.003");
		assertThat(converter.convertToEntityAttribute(new BigDecimal("0.90000000"))).isEqualTo(Rate.ofPercent("90"));
		assertThat(converter.convertToDatabaseColumn(null)).isNull();
		assertThat(converter.convertToEntityAttribute(null)).isNull();
	}

}
