package io.cessio.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * An ISO 11649 structured creditor reference ({@code RF} + two check digits + up to 21
 * letters or digits), printed on each assigned invoice so that the debtor's bank carries
 * it back in the payment and matching is exact. Spaces are ignored on input.
 */
public record CreditorReference(String value) {

	private static final int LONGEST_BODY = 21;

	public CreditorReference {
		Objects.requireNonNull(value, "value");
		value = normalise(value);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid creditor reference: " + value);
		}
	}

	/** The reference for a body of 1 to 21 letters or digits, with its check digits. */
	public static CreditorReference forBody(String body) {
		String normalised = normalise(body);
		if (normalised.isEmpty() || normalised.length() > LONGEST_BODY || !isBody(normalised, 0)) {
			throw new IllegalArgumentException("A creditor reference body has 1 to 21 letters or digits: " + body);
		}
		int check = 98 - mod97(mod97(0, normalised, 0), "RF00", 0);
		return new CreditorReference("RF" + (char) ('0' + check / 10) + (char) ('0' + check % 10) + normalised);
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(normalise(candidate));
	}

	// matching checks every word that starts with RF: no regex, no BigInteger, and no
	// copy of a value already normalised
	private static String normalise(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || (c >= 'a' && c <= 'z') || c > 127) {
				return text.replace(" ", "").toUpperCase(Locale.ROOT);
			}
		}
		return text;
	}

	private static boolean isValidNormalised(String value) {
		int length = value.length();
		if (length < 5 || length > 4 + LONGEST_BODY || value.charAt(0) != 'R' || value.charAt(1) != 'F'
				|| !isDigit(value.charAt(2)) || !isDigit(value.charAt(3)) || !isBody(value, 4)) {
			return false;
		}
		// the body, then RF and the check digits, read as one number
		return mod97(mod97(0, value, 4), value.substring(0, 4), 0) == 1;
	}

	private static boolean isBody(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isDigit(c) && (c < 'A' || c > 'Z')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * The remainder mod 97 of {@code remainder} followed by the text's characters from
	 * {@code from}, letters counting as two digits, A = 10 … Z = 35, as in IBAN checks.
	 */
	private static int mod97(int remainder, String text, int from) {
		int r = remainder;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			r = isDigit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
		}
		return r;
	}

	/** In groups of four, as printed: {@code RF18 5390 0754 7034}. */
	public String formatted() {
		StringBuilder printed = new StringBuilder(value.length() + value.length() / 4);
		for (int i = 0; i < value.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				printed.append(' ');
			}
			printed.append(value.charAt(i));
		}
		return printed.toString();
	}

	@Override
	public String toString() {
		return value;
	}

}
