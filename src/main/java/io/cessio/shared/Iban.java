package io.cessio.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.iban4j.IbanUtil;

/**
 * An International Bank Account Number, normalised to upper case without spaces. Valid
 * means: a known country, that country's length and structure, mod-97 = 1 and, where the
 * country has one, its national check (the French RIB key).
 */
public record Iban(String value) {

	// compiled once: matching checks the IBAN of every receipt and every known account
	private static final Pattern STRUCTURE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F-]");

	public Iban {
		Objects.requireNonNull(value, "value");
		value = normalise(value);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid IBAN: " + masked(value));
		}
	}

	public static Iban of(String value) {
		return new Iban(value);
	}

	/**
	 * A French IBAN built from a RIB: bank code (5 digits), branch code (5 digits) and
	 * account number (11 digits or letters); the RIB key and the IBAN check digits are
	 * computed.
	 */
	public static Iban french(String bankCode, String branchCode, String accountNumber) {
		if (!bankCode.matches("[0-9]{5}") || !branchCode.matches("[0-9]{5}")
				|| !accountNumber.matches("[0-9A-Z]{11}")) {
			throw new IllegalArgumentException("A RIB has a 5-digit bank code, a 5-digit branch and 11 characters");
		}
		String account = accountNumber.chars()
			.map(c -> Character.isDigit(c) ? c - '0' : ribLetterValue((char) c))
			.collect(StringBuilder::new, StringBuilder::append, StringBuilder::append)
			.toString();
		java.math.BigInteger rib = new java.math.BigInteger(bankCode + branchCode + account);
		int key = 97 - rib.multiply(java.math.BigInteger.valueOf(100)).mod(java.math.BigInteger.valueOf(97)).intValue();
		String bban = bankCode + branchCode + accountNumber + String.format("%02d", key);
		StringBuilder digits = new StringBuilder();
		for (char c : (bban + "FR00").toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
		}
		int check = 98 - new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
		return new Iban("FR" + String.format("%02d", check) + bban);
	}

	/** Letters in a RIB account number count as digits: A,J→1 B,K,S→2 … I,R→9. */
	private static int ribLetterValue(char letter) {
		int index = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".indexOf(letter);
		int[] values = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9 };
		return values[index];
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(normalise(candidate));
	}

	private static boolean isValidNormalised(String value) {
		if (value.length() < 15 || value.length() > 34 || !STRUCTURE.matcher(value).matches()) {
			return false;
		}
		try {
			return IbanUtil.isValidWithCountryRules(value);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String normalise(String value) {
		return SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
	}

	public String countryCode() {
		return value.substring(0, 2);
	}

	/**
	 * Groups of four characters, as printed on a RIB:
	 * {@code FR76 3000 6000 0112 3456 7890 189}.
	 */
	public String formatted() {
		return value.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/**
	 * For logs and audit lines: the country, check digits and last four characters only.
	 */
	public String masked() {
		return masked(value);
	}

	private static String masked(String value) {
		if (value.length() < 8) {
			return "****";
		}
		return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}

	@Override
	public String toString() {
		return formatted();
	}

}
