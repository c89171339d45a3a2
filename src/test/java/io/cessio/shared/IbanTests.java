package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "FR7630006000011234567890189|FR7630006000011234567890189",
			"FR1420041010050500013M02606|FR1420041010050500013M02606",
			// RIB 30004 00819 00012345678 key 79, check digits computed for this test
			"FR7630004008190001234567879|FR7630004008190001234567879",
			"FR76 3000 6000 0112 3456 7890 189|FR7630006000011234567890189",
			"fr14 2004 1010 0505 0001 3m02 606|FR1420041010050500013M02606",
			"'  FR76 3000 4008 1900 0123 4567 879  '|FR7630004008190001234567879",
			"FR76\u00A03000\u00A06000\u00A00112\u00A03456\u00A07890\u00A0189|FR7630006000011234567890189",
			"FR76\u202F3000\u202F6000\u202F0112\u202F3456\u202F7890\u202F189|FR7630006000011234567890189",
			"FR76-3000-6000-0112-3456-7890-189|FR7630006000011234567890189",
			"de89 3704 0044 0532 0130 00|DE89370400440532013000", "GB29NWBK60161331926819|GB29NWBK60161331926819" })
	void acceptsValidIbansAndNormalisesThem(String input, String normalised) {
		assertThat(Iban.isValid(input)).isTrue();
		assertThat(new Iban(input).value()).isEqualTo(normalised);
		assertThat(Iban.of(input)).isEqualTo(new Iban(normalised));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "FR7730006000011234567890189", "FR7530006000011234567890189", "FR7630006000011234567890198",
					"FR7630006000011234567890180", "DE88370400440532013000", "GB28NWBK60161331926819" })
	void refusesWrongCheckDigits(String candidate) {
		assertThat(mod97(candidate)).isNotEqualTo(1);
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// RIB 30006 00001 12345678901 with key 88 instead of 89
			"FR0630006000011234567890188",
			// RIB 20041 01005 0500013M026 with key 07 instead of 06
			"FR8420041010050500013M02607" })
	void refusesAFrenchIbanWhoseRibKeyIsWrongEvenWhenMod97Holds(String candidate) {
		assertThat(mod97(candidate)).isEqualTo(1);
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "FR133000600001123456789018", "FR76300060000112345678901890", "DE5137040044053201300",
			"FR9030006000011234567890189123456789" })
	void refusesWrongLengths(String candidate) {
		if (candidate.length() <= 34) {
			assertThat(mod97(candidate)).isEqualTo(1);
		}
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XX9030006000011234567890189", "US3530006000011234567890189" })
	void refusesUnknownCountries(String candidate) {
		assertThat(mod97(candidate)).isEqualTo(1);
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "not an iban", "FR76", "FR76 3000 6000 0112 3456 7890 18?",
			"7630006000011234567890189FR", "FRAB30006000011234567890189", "€€€€€€€€€€€€€€€€€€€€" })
	void refusesGarbage(String candidate) {
		assertRefused(candidate);
	}

	@Test
	void nullIsNotAnIban() {
		assertThat(Iban.isValid(null)).isFalse();
		assertThatNullPointerException().isThrownBy(() -> new Iban(null));
	}

	@Test
	void refusalMessageDoesNotRevealTheAccountNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Iban("FR0630006000011234567890188"))
			.withMessageContaining("FR06")
			.withMessageNotContaining("12345678901");
	}

	@ParameterizedTest
	@CsvSource({ "FR7630006000011234567890189, FR76 3000 6000 0112 3456 7890 189",
			"FR1420041010050500013M02606, FR14 2004 1010 0505 0001 3M02 606",
			"DE89370400440532013000, DE89 3704 0044 0532 0130 00",
			"GB29NWBK60161331926819, GB29 NWBK 6016 1331 9268 19" })
	void printsGroupsOfFour(String iban, String formatted) {
		assertThat(new Iban(iban).formatted()).isEqualTo(formatted);
		assertThat(new Iban(iban)).hasToString(formatted);
	}

	@Test
	void printsNoTrailingSpaceWhenTheLengthIsAMultipleOfFour() {
		// 28 characters: Poland
		assertThat(new Iban("PL61109010140000071219812874").formatted())
			.isEqualTo("PL61 1090 1014 0000 0712 1981 2874");
	}

	@ParameterizedTest
	@CsvSource({ "FR7630006000011234567890189, FR76*******************0189",
			"DE89370400440532013000, DE89**************3000" })
	void masksEverythingButTheCountryCheckDigitsAndLastFour(String iban, String masked) {
		assertThat(new Iban(iban).masked()).isEqualTo(masked).hasSameSizeAs(iban);
	}

	@Test
	void knowsItsCountry() {
		assertThat(new Iban("fr14 2004 1010 0505 0001 3M02 606").countryCode()).isEqualTo("FR");
		assertThat(new Iban("DE89370400440532013000").countryCode()).isEqualTo("DE");
	}

	@Test
	void storesItsNormalisedValueInTheColumn() {
		IbanConverter converter = new IbanConverter();

		assertThat(converter.convertToDatabaseColumn(new Iban("FR76 3000 6000 0112 3456 7890 189")))
			.isEqualTo("FR7630006000011234567890189");
		assertThat(converter.convertToEntityAttribute("FR7630006000011234567890189"))
			.isEqualTo(new Iban("FR7630006000011234567890189"));
		assertThat(converter.convertToDatabaseColumn(null)).isNull();
		assertThat(converter.convertToEntityAttribute(null)).isNull();
	}

	private static void assertRefused(String candidate) {
		assertThat(Iban.isValid(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Iban(candidate));
	}

	/** ISO 13616 remainder, computed independently of the code under test. */
	private static int mod97(String iban) {
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.digit(c, 36));
		}
		return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
	}

}
