package io.cessio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import io.cessio.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyFormatTests {

	static final Locale ENGLISH = Locale.ENGLISH;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1234.56|1\u202F234,56\u00A0€", "0|0,00\u00A0€", "0.5|0,50\u00A0€", "999.99|999,99\u00A0€",
					"1000|1\u202F000,00\u00A0€", "1234567.89|1\u202F234\u202F567,89\u00A0€",
					"-1234.56|-1\u202F234,56\u00A0€", "-0.01|-0,01\u00A0€" })
	void printsFrenchAmountsWithNarrowNoBreakSpacesAndANoBreakSpaceBeforeTheEuroSign(String amount, String printed) {
		assertThat(MoneyFormat.format(Money.eur(amount), Locale.FRANCE)).isEqualTo(printed);
	}

	@Test
	void printsEveryFrenchLocaleTheFrenchWay() {
		assertThat(MoneyFormat.format(Money.eur("1234.56"), Locale.FRENCH)).isEqualTo("1\u202F234,56\u00A0€");
		assertThat(MoneyFormat.format(Money.eur("1234.56"), Locale.CANADA_FRENCH)).isEqualTo("1\u202F234,56\u00A0€");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1234.56|€1,234.56", "0|€0.00", "0.5|€0.50", "1234567.89|€1,234,567.89",
			"-1234.56|-€1,234.56", "-0.01|-€0.01" })
	void printsEnglishAmountsWithTheEuroSignFirst(String amount, String printed) {
		assertThat(MoneyFormat.format(Money.eur(amount), ENGLISH)).isEqualTo(printed);
		assertThat(MoneyFormat.format(Money.eur(amount), Locale.UK)).isEqualTo(printed);
		assertThat(MoneyFormat.format(Money.eur(amount), Locale.US)).isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "18275.76|2|fr|18\u202F275,76", "18275.76|2|en|18,275.76", "18275.5|0|fr|18\u202F276",
					"18275.5|0|en|18,276", "0.125|2|en|0.13", "-0.125|2|fr|-0,13", "1.5|3|fr|1,500" })
	void printsPlainDecimalsWithGroupingAndHalfUpRounding(String value, int fractionDigits, String language,
			String printed) {
		assertThat(MoneyFormat.decimal(new BigDecimal(value), Locale.forLanguageTag(language), fractionDigits))
			.isEqualTo(printed);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1234,56|1234.56", "1 234,56|1234.56", "1 234,56 €|1234.56", "1234.56|1234.56",
					"1.234,56|1234.56", "1,234.56|1234.56", "1\u202F234,56\u00A0€|1234.56", "1\u00A0234,56|1234.56",
					"€1,234.56|1234.56", "'  42  '|42", "0,5|0.5", "-1 234,56 €|-1234.56", "+12,30|12.30",
					"1.234.567,89|1234567.89", "1,234,567.89|1234567.89" })
	void readsWhatPeopleType(String typed, String value) throws ParseException {
		assertThat(MoneyFormat.parseDecimal(typed)).isEqualTo(new BigDecimal(value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "€", "abc", "1,2,3.4.5", "1.2.3", "1,2,3", "1e309", "1E3", "12 $", "1-2", "--1",
			".", ",", "0x10", "NaN", "Infinity" })
	void refusesWhatIsNotANumber(String typed) {
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> MoneyFormat.parseDecimal(typed));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234.56", "0.00", "-1234567.89", "99999999999999999.99" })
	void readsBackWhatItPrints(String amount) throws ParseException {
		Money money = Money.eur(amount);

		assertThat(Money.eur(MoneyFormat.parseDecimal(MoneyFormat.format(money, Locale.FRANCE)))).isEqualTo(money);
		assertThat(Money.eur(MoneyFormat.parseDecimal(MoneyFormat.format(money, ENGLISH)))).isEqualTo(money);
	}

}
