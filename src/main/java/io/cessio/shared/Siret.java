package io.cessio.shared;

import java.util.Objects;

/**
 * A French establishment identifier (SIRET): the company's SIREN followed by a 5-digit
 * NIC, 14 digits whose Luhn checksum is valid. La Poste's establishments (SIREN 356 000
 * 000) are the documented exception: their digits sum to a multiple of 5 instead.
 */
public record Siret(String value) {

	static final String LA_POSTE_SIREN = "356000000";

	/**
	 * La Poste's head office follows the ordinary Luhn rule, unlike its other
	 * establishments.
	 */
	static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

	public Siret {
		Objects.requireNonNull(value, "value");
		value = Luhn.stripSpaces(value);
		if (!isValidNormalised(value)) {
			throw new IllegalArgumentException("Invalid SIRET: " + value);
		}
	}

	public static Siret of(String value) {
		return new Siret(value);
	}

	public static boolean isValid(String candidate) {
		return candidate != null && isValidNormalised(Luhn.stripSpaces(candidate));
	}

	private static boolean isValidNormalised(String value) {
		if (!value.matches("[0-9]{14}")) {
			return false;
		}
		if (value.startsWith(LA_POSTE_SIREN) && !value.equals(LA_POSTE_HEAD_OFFICE)) {
			return value.chars().map(c -> c - '0').sum() % 5 == 0;
		}
		return Luhn.isValid(value);
	}

	public Siren siren() {
		return new Siren(value.substring(0, 9));
	}

	/** {@code 123 456 782 00013} */
	public String formatted() {
		return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6, 9) + " "
				+ value.substring(9);
	}

	@Override
	public String toString() {
		return value;
	}

}
