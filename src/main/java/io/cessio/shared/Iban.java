package io.cessio.shared;

import java.util.Locale;
import java.util.Objects;

import org.iban4j.IbanUtil;

/**
 * An International Bank Account Number, normalised to upper case without spaces. Valid
 * means: a known country, that country's length and structure, mod-97 = 1 and, where the
 * country has one, its national check (the French RIB key).
 */
public record Iban(String value) {

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

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(normalise(candidate));
	}

	private static boolean isValidNormalised(String value) {
		if (value.length() < 15 || value.length() > 34 || !value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
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
		return value.replaceAll("[\\s\\u00A0\\u202F-]", "").toUpperCase(Locale.ROOT);
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
