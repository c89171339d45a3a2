package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTests {

	@ParameterizedTest
	@ValueSource(strings = { "73282932000074", "44306184100047", "55210055400013", "12345678200010" })
	void acceptsFourteenDigitsWithAValidLuhnChecksum(String siret) {
		assertThat(Siret.isValid(siret)).isTrue();
		assertThat(new Siret(siret).value()).isEqualTo(siret);
	}

	/**
	 * La Poste has more establishments than its NIC's Luhn key allows: their 14 digits
	 * sum to a multiple of 5 instead. These samples fail Luhn, so only that rule accepts
	 * them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "35600000000001", "35600000000010", "35600000049837" })
	void acceptsLaPosteEstablishmentsWhoseDigitsSumToAMultipleOfFive(String siret) {
		assertThat(Luhn.isValid(siret)).isFalse();
		assertThat(Siret.isValid(siret)).isTrue();
		assertThat(new Siret(siret).siren()).isEqualTo(new Siren("356000000"));
	}

	/**
	 * La Poste's head office keeps an ordinary Luhn key (its digits sum to 26), as INSEE
	 * and python-stdnum's {@code fr.siret} treat it.
	 */
	@Test
	void acceptsLaPosteHeadOffice() {
		assertThat(Siret.isValid("35600000000048")).isTrue();
		assertThat(new Siret("356 000 000 00048").siren()).isEqualTo(new Siren("356000000"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "35600000000014", "35600000000019", "35600000000027" })
	void refusesLaPosteEstablishmentsWhoseDigitsDoNotSumToAMultipleOfFive(String siret) {
		assertThat(Siret.isValid(siret)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Siret(siret));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "732 829 320 00074|73282932000074", "'  44306184100047 '|44306184100047",
			"552\u00A0100\u00A0554\u00A000013|55210055400013", "123\u202F456\u202F782\u202F00010|12345678200010" })
	void ignoresSpaces(String input, String normalised) {
		assertThat(Siret.isValid(input)).isTrue();
		assertThat(Siret.of(input).value()).isEqualTo(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "73282932000075", "12345678200011", "73282932000047", "7328293200007", "732829320000740",
			"1234567820001A", "ABCDEFGHIJKLMN", "732-829-320-00074", "", "   " })
	void refusesWrongChecksumsLengthsAndCharacters(String candidate) {
		assertThat(Siret.isValid(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Siret(candidate));
	}

	@Test
	void nullIsNotASiret() {
		assertThat(Siret.isValid(null)).isFalse();
		assertThatNullPointerException().isThrownBy(() -> new Siret(null));
	}

	@ParameterizedTest
	@CsvSource({ "73282932000074, 732829320", "12345678200010, 123456782", "55210055400013, 552100554" })
	void startsWithItsCompanysSiren(String siret, String siren) {
		assertThat(new Siret(siret).siren()).isEqualTo(new Siren(siren));
	}

	@Test
	void printsSirenGroupsThenTheNic() {
		assertThat(new Siret("73282932000074").formatted()).isEqualTo("732 829 320 00074");
		assertThat(new Siret("732 829 320 00074")).hasToString("73282932000074");
	}

	@Test
	void storesItsDigitsInTheColumn() {
		SiretConverter converter = new SiretConverter();

		assertThat(converter.convertToDatabaseColumn(new Siret("732 829 320 00074"))).isEqualTo("73282932000074");
		assertThat(converter.convertToEntityAttribute("73282932000074")).isEqualTo(new Siret("73282932000074"));
		assertThat(converter.convertToDatabaseColumn(null)).isNull();
		assertThat(converter.convertToEntityAttribute(null)).isNull();
	}

}
