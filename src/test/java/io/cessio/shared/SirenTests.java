package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SirenTests {

	@ParameterizedTest
	@ValueSource(strings = { "123456782", "552109878", "403123458", "888777661", "356000000", "732829320" })
	void acceptsNineDigitsWithAValidLuhnChecksum(String siren) {
		assertThat(Siren.isValid(siren)).isTrue();
		assertThat(new Siren(siren).value()).isEqualTo(siren);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "123 456 782|123456782", "'  552 109 878  '|552109878",
			"123\u00A0456\u00A0782|123456782", "888\u202F777\u202F661|888777661", "40 31 23 45 8|403123458" })
	void ignoresSpaces(String input, String normalised) {
		assertThat(Siren.isValid(input)).isTrue();
		assertThat(Siren.of(input)).isEqualTo(new Siren(normalised));
		assertThat(Siren.of(input).value()).isEqualTo(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "552109877", "123456728", "12345678", "12345672", "1234567820", "0123456782",
			"12345678A", "ABCDEFGHI", "123-456-782", "123.456.782", "", "   " })
	void refusesWrongChecksumsLengthsAndCharacters(String candidate) {
		assertThat(Siren.isValid(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Siren(candidate));
	}

	@Test
	void nullIsNotASiren() {
		assertThat(Siren.isValid(null)).isFalse();
		assertThatNullPointerException().isThrownBy(() -> new Siren(null));
	}

	@Test
	void printsInGroupsOfThree() {
		assertThat(new Siren("123456782").formatted()).isEqualTo("123 456 782");
		assertThat(new Siren("552 109 878")).hasToString("552109878");
	}

	@Test
	void storesItsDigitsInTheColumn() {
		SirenConverter converter = new SirenConverter();

		assertThat(converter.convertToDatabaseColumn(new Siren("123 456 782"))).isEqualTo("123456782");
		assertThat(converter.convertToEntityAttribute("552109878")).isEqualTo(new Siren("552109878"));
		assertThat(converter.convertToDatabaseColumn(null)).isNull();
		assertThat(converter.convertToEntityAttribute(null)).isNull();
	}

}
