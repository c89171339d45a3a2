package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ValidAmount} and {@link ValidPercent}, through a real Bean Validation provider.
 */
class AmountAndPercentConstraintsTests {

	static jakarta.validation.ValidatorFactory factory;

	static Validator validator;

	record Fee(@ValidAmount BigDecimal amount, @ValidAmount(positive = true) BigDecimal limit,
			@ValidAmount Money money) {
	}

	record Terms(@ValidPercent(exclusiveMin = true) BigDecimal advance,
			@ValidPercent(max = "10") BigDecimal commission) {
	}

	@BeforeAll
	static void startValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void stopValidator() {
		factory.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.01", "3.00", "12345678901234567.89", "500000" })
	void acceptsAmountsMoneyCanHold(String amount) {
		assertThat(validator.validate(new Fee(new BigDecimal(amount), BigDecimal.ONE, null))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0.01", "0.001", "3.005", "123456789012345678.00" })
	void refusesNegativeSubCentOrHugeAmounts(String amount) {
		assertThat(validator.validate(new Fee(new BigDecimal(amount), BigDecimal.ONE, null))).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1" })
	void positiveAmountsRefuseZeroAndBelow(String limit) {
		assertThat(validator.validate(new Fee(BigDecimal.ONE, new BigDecimal(limit), null))).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource({ "-1.00, 1", "5.00, 0" })
	void checksMoneyToo(String money, int violations) {
		assertThat(validator.validate(new Fee(BigDecimal.ONE, BigDecimal.ONE, Money.eur(money)))).hasSize(violations);
	}

	@ParameterizedTest
	@CsvSource({ "90, 0.30, 0", "100, 10, 0", "0.000001, 0, 0", "0, 0.3, 1", "100.1, 0.3, 1", "90, 10.01, 1",
			"90, 0.0000001, 1", "-5, 0.3, 1" })
	void percentagesStayInBoundsAndExactAsRates(String advance, String commission, int violations) {
		assertThat(validator.validate(new Terms(new BigDecimal(advance), new BigDecimal(commission))))
			.hasSize(violations);
	}

}
