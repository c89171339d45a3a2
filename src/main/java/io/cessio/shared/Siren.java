package io.cessio.shared;

import java.util.Objects;

/**
 * A French company identifier (SIREN): 9 digits whose Luhn checksum is valid. Spaces are
 * ignored on input.
 */
public record Siren(String value) {

	public Siren {
		Objects.requireNonNull(value, "value");
		value = Luhn.stripSpaces(value);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid SIREN: " + value);
		}
	}

	public static Siren of(String value) {
		return new Siren(value);
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(Luhn.stripSpaces(candidate));
	}

	private static boolean isValidNormalised(String value) {
		if (value.length() != 9) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return Luhn.isValid(value);
	}

	/** {@code 123 456 782} */
	public String formatted() {
		return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
	}

	@Override
	public String toString() {
		return value;
	}

}
