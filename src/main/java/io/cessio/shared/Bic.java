package io.cessio.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A Business Identifier Code (ISO 9362): 4 letters (institution), 2 letters (country), 2
 * letters or digits (location) and optionally 3 letters or digits (branch).
 */
public record Bic(String value) {

	public Bic {
		Objects.requireNonNull(value, "value");
		value = value.strip().toUpperCase(Locale.ROOT);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid BIC: " + value);
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(candidate.strip().toUpperCase(Locale.ROOT));
	}

	private static boolean isValidNormalised(String value) {
		return value.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
	}

	@Override
	public String toString() {
		return value;
	}

}
