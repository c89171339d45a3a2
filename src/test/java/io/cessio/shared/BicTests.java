package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTests {

	@ParameterizedTest
	@ValueSource(strings = { "BNPAFRPP", "BNPAFRPPXXX", "AGRIFRPP882", "DEUTDEFF500", "PSSTFRPPPAR", "CEPAFRPP751",
			"NWBKGB2L" })
	void acceptsEightOrElevenCharacters(String bic) {
		assertThat(Bic.isValid(bic)).isTrue();
		assertThat(new Bic(bic).value()).isEqualTo(bic);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "bnpafrpp|BNPAFRPP", "'  BNPAFRPPXXX  '|BNPAFRPPXXX", "Agrifrpp882|AGRIFRPP882" })
	void normalisesCaseAndSurroundingSpaces(String input, String normalised) {
		assertThat(Bic.isValid(input)).isTrue();
		assertThat(new Bic(input).value()).isEqualTo(normalised);
		assertThat(new Bic(input)).hasToString(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "BNPAFRP", "BNPAFRPPX", "BNPAFRPPXX", "BNPAFRPPXXXX", "BNP1FRPP", "BNPA12PP", "BNPAFRP_",
			"BNPA FRPP", "BNPAFRPP-XXX", "", "   " })
	void refusesOtherLengthsAndCharacters(String candidate) {
		assertThat(Bic.isValid(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Bic(candidate));
	}

	@Test
	void nullIsNotABic() {
		assertThat(Bic.isValid(null)).isFalse();
		assertThatNullPointerException().isThrownBy(() -> new Bic(null));
	}

	@Test
	void storesItsNormalisedValueInTheColumn() {
		BicConverter converter = new BicConverter();

		assertThat(converter.convertToDatabaseColumn(new Bic("bnpafrpp"))).isEqualTo("BNPAFRPP");
		assertThat(converter.convertToEntityAttribute("BNPAFRPPXXX")).isEqualTo(new Bic("BNPAFRPPXXX"));
		assertThat(converter.convertToDatabaseColumn(null)).isNull();
		assertThat(converter.convertToEntityAttribute(null)).isNull();
	}

}
