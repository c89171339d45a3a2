package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ISO 11649 creditor references. Check digits are verified here with a mod-97 written
 * independently of the class (digit by digit, without BigInteger).
 */
class CreditorReferenceTests {

	private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String DIGITS = "0123456789";

	private static final String ALPHABET = LETTERS + DIGITS;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "RF18539007547034|RF18539007547034", "RF18 5390 0754 7034|RF18539007547034",
					"RF712348231|RF712348231", "RF71 2348 231|RF712348231", "rf18 5390 0754 7034|RF18539007547034",
					"rf45abc|RF45ABC", "RF12INVOICE2026F1|RF12INVOICE2026F1",
					// the longest body, 21 letters
					"RF09ZZZZZZZZZZZZZZZZZZZZZ|RF09ZZZZZZZZZZZZZZZZZZZZZ", "RF74 0000 0000 0001|RF74000000000001" })
	void acceptsValidReferencesAndNormalisesThem(String input, String normalised) {
		assertThat(mod97(rearranged(normalised))).isEqualTo(1);
		assertThat(CreditorReference.isValid(input)).isTrue();
		assertThat(new CreditorReference(input).value()).isEqualTo(normalised);
		assertThat(new CreditorReference(input)).isEqualTo(new CreditorReference(normalised));
	}

	@ParameterizedTest
	@ValueSource(strings = { "RF19539007547034", "RF17539007547034", "RF81539007547034",
			// two digits of the body swapped
			"RF18539007547043", "RF18359007547034", "RF702348231", "RF46ABC", "RF45ABD" })
	void refusesWrongCheckDigits(String candidate) {
		assertThat(mod97(rearranged(candidate))).isNotEqualTo(1);
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RF191234567890123456789012", "RF67ABCDEFGHIJKLMNOPQRSTUVW" })
	void refusesABodyLongerThanTwentyOneCharactersEvenWhenMod97Holds(String candidate) {
		assertThat(candidate.length() - 4).isGreaterThan(21);
		assertThat(mod97(rearranged(candidate))).isEqualTo(1);
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RF18-5390-0754-7034", "RF18.5390.0754.7034", "RF18_539007547034", "RF18539007547034.",
			"RF185390075470é4", "RF18\t539007547034", "RF45ÄBC" })
	void refusesCharactersOtherThanLettersAndDigits(String candidate) {
		assertRefused(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "RF", "RF18", "RF1", "18539007547034", "539007547034", "FR18539007547034",
			"XX18539007547034", "RFAB539007547034", "539007547034RF18" })
	void refusesAnythingThatIsNotRfCheckDigitsAndABody(String candidate) {
		assertRefused(candidate);
	}

	@Test
	void nullIsNotACreditorReference() {
		assertThat(CreditorReference.isValid(null)).isFalse();
		assertThatNullPointerException().isThrownBy(() -> new CreditorReference(null));
	}

	@Test
	void computesTheCheckDigitsOfTheIsoExample() {
		assertThat(CreditorReference.forBody("539007547034")).isEqualTo(new CreditorReference("RF18539007547034"));
		assertThat(CreditorReference.forBody("2348231").value()).isEqualTo("RF712348231");
	}

	@Test
	void normalisesTheBodyItIsGiven() {
		assertThat(CreditorReference.forBody("abc 123")).isEqualTo(CreditorReference.forBody("ABC123"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "1234567890123456789012", "AB-12", "ABÉ", "AB\t12" })
	void refusesABodyThatIsNotOneToTwentyOneLettersOrDigits(String body) {
		assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.forBody(body));
	}

	@Test
	void roundTripsRandomBodiesThroughItsCheckDigits() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 2_000; i++) {
			String body = randomBody(random);
			String message = "seed " + seed + ", body " + body;
			CreditorReference reference = CreditorReference.forBody(body);
			int expectedCheck = 98 - mod97(body + "RF00");
			assertThat(reference.value()).as(message).isEqualTo("RF" + String.format("%02d", expectedCheck) + body);
			assertThat(expectedCheck).as(message).isBetween(2, 98);
			assertThat(mod97(rearranged(reference.value()))).as(message).isEqualTo(1);
			assertThat(CreditorReference.isValid(reference.value())).as(message).isTrue();
			assertThat(new CreditorReference(reference.value())).as(message).isEqualTo(reference);
			assertThat(new CreditorReference(reference.formatted())).as(message).isEqualTo(reference);
			assertThat(new CreditorReference(reference.value().toLowerCase(Locale.ROOT))).as(message)
				.isEqualTo(reference);
			assertThat(CreditorReference.forBody(body.toLowerCase(Locale.ROOT))).as(message).isEqualTo(reference);
		}
	}

	@Test
	void refusesEverySingleCharacterChangeOfARandomReference() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 200; i++) {
			String value = CreditorReference.forBody(randomBody(random)).value();
			int position = 2 + random.nextInt(value.length() - 2);
			char original = value.charAt(position);
			// a digit for a digit, a letter for a letter: mod 97 catches every such
			// change
			String sameKind = Character.isDigit(original) ? DIGITS : LETTERS;
			char replacement = original;
			while (replacement == original) {
				replacement = sameKind.charAt(random.nextInt(sameKind.length()));
			}
			String changed = value.substring(0, position) + replacement + value.substring(position + 1);
			assertThat(CreditorReference.isValid(changed)).as("seed %d, %s changed to %s", seed, value, changed)
				.isFalse();
		}
	}

	@ParameterizedTest
	@CsvSource({ "RF18539007547034, RF18 5390 0754 7034", "RF712348231, RF71 2348 231", "RF45ABC, RF45 ABC",
			"RF09ZZZZZZZZZZZZZZZZZZZZZ, RF09 ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ Z" })
	void printsGroupsOfFour(String value, String formatted) {
		assertThat(new CreditorReference(value).formatted()).isEqualTo(formatted);
	}

	@Test
	void printsNoTrailingSpaceWhenTheLengthIsAMultipleOfFour() {
		assertThat(new CreditorReference("RF2012345678").formatted()).isEqualTo("RF20 1234 5678");
	}

	@Test
	void printsItselfWithoutSpaces() {
		assertThat(new CreditorReference("RF18 5390 0754 7034")).hasToString("RF18539007547034");
	}

	/**
	 * V008 fills invoice.creditor_reference with {@code rf_creditor_reference(lpad(seq,
	 * 12, '0'))}; the application computes the same references with {@code forBody}.
	 * Consecutive bodies run through every residue mod 97.
	 */
	@Test
	void agreesWithTheDatabaseFunctionOnTwelveDigitSequenceNumbers() {
		for (long n = 1; n <= 1_000; n++) {
			String digits = String.format("%012d", n);
			assertThat(CreditorReference.forBody(digits).value()).as(digits)
				.isEqualTo(rfCreditorReferenceAsInV008(digits));
		}
	}

	@Test
	void theDatabaseFunctionAsReimplementedHereProducesTheIsoExample() {
		assertThat(rfCreditorReferenceAsInV008("539007547034")).isEqualTo("RF18539007547034");
	}

	/**
	 * {@code 'RF' || lpad((98 - ((digits || '271500')::numeric % 97))::text, 2, '0') ||
	 * digits}, as in V008__invoices_create_invoice_and_remittance.sql.
	 */
	private static String rfCreditorReferenceAsInV008(String digits) {
		BigInteger remainder = new BigInteger(digits + "271500").mod(BigInteger.valueOf(97));
		String check = BigInteger.valueOf(98).subtract(remainder).toString();
		return "RF" + lpad(check, 2, '0') + digits;
	}

	/** PostgreSQL's lpad: pads on the left, or truncates on the right when too long. */
	private static String lpad(String text, int length, char fill) {
		if (text.length() >= length) {
			return text.substring(0, length);
		}
		return String.valueOf(fill).repeat(length - text.length()) + text;
	}

	private static String randomBody(Random random) {
		int length = 1 + random.nextInt(21);
		StringBuilder body = new StringBuilder();
		boolean digitsOnly = random.nextBoolean();
		for (int i = 0; i < length; i++) {
			body.append(digitsOnly ? DIGITS.charAt(random.nextInt(DIGITS.length()))
					: ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return body.toString();
	}

	/** The body first, then RF and the check digits, as ISO 11649 checks it. */
	private static String rearranged(String reference) {
		return reference.substring(4) + reference.substring(0, 4);
	}

	/** Letters count as two digits (A = 10 … Z = 35); the remainder digit by digit. */
	private static int mod97(String text) {
		int remainder = 0;
		for (char c : text.toCharArray()) {
			if (c >= '0' && c <= '9') {
				remainder = (remainder * 10 + (c - '0')) % 97;
			}
			else if (c >= 'A' && c <= 'Z') {
				remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
			}
			else {
				throw new IllegalArgumentException("Not a letter or digit: " + c);
			}
		}
		return remainder;
	}

	private static void assertRefused(String candidate) {
		assertThat(CreditorReference.isValid(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new CreditorReference(candidate));
	}

}
