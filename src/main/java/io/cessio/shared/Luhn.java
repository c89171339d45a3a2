package io.cessio.shared;

/** The Luhn (mod 10) checksum used by SIREN and SIRET. */
final class Luhn {

	private Luhn() {
	}

	static boolean isValid(String digits) {
		int sum = 0;
		boolean doubleIt = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubleIt) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubleIt = !doubleIt;
		}
		return sum % 10 == 0;
	}

	private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u00A0\\u202F]");

	static String stripSpaces(String value) {
		return SPACES.matcher(value).replaceAll("");
	}

}
