package io.cessio.shared;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * An ISO 11649 structured creditor reference ({@code RF} + two check digits + up to 21
 * letters or digits), printed on each assigned invoice so that the debtor's bank carries
 * it back in the payment and matching is exact. Spaces are ignored on input.
 */
public record CreditorReference(String value) {

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	public CreditorReference {
		Objects.requireNonNull(value, "value");
		value = value.replace(" ", "").toUpperCase(Locale.ROOT);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid creditor reference: " + value);
		}
	}

	/** The reference for a body of 1 to 21 letters or digits, with its check digits. */
	public static CreditorReference forBody(String body) {
		String normalised = body.replace(" ", "").toUpperCase(Locale.ROOT);
		if (!normalised.matches("[A-Z0-9]{1,21}")) {
			throw new IllegalArgumentException("A creditor reference body has 1 to 21 letters or digits: " + body);
		}
		int check = 98 - numeric(normalised + "RF00").mod(NINETY_SEVEN).intValue();
		return new CreditorReference("RF" + String.format("%02d", check) + normalised);
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(candidate.replace(" ", "").toUpperCase(Locale.ROOT));
	}

	private static boolean isValidNormalised(String value) {
		if (!value.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
			return false;
		}
		return numeric(value.substring(4) + value.substring(0, 4)).mod(NINETY_SEVEN).intValue() == 1;
	}

	/** Letters count as two digits, A = 10 … Z = 35, as in IBAN checks. */
	private static BigInteger numeric(String text) {
		StringBuilder digits = new StringBuilder();
		for (char c : text.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString());
	}

	/** In groups of four, as printed: {@code RF18 5390 0754 7034}. */
	public String formatted() {
		return value.replaceAll("(.{4})(?!$)", "$1 ");
	}

	@Override
	public String toString() {
		return value;
	}

}
