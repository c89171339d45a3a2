package io.cessio.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A structured postal address. Town and country are what SEPA messages require from
 * November 2026; street and postal code complete it for letters.
 */
public record PostalAddress(String street, String postalCode, String city, String country) {

	public PostalAddress {
		street = requireText(street, "street", 200);
		postalCode = requireText(postalCode, "postalCode", 10);
		city = requireText(city, "city", 100);
		country = requireText(country, "country", 2).toUpperCase(Locale.ROOT);
		if (!country.matches("[A-Z]{2}")
				|| !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(country)) {
			throw new IllegalArgumentException("Unknown country code: " + country);
		}
		if ("FR".equals(country) && !postalCode.matches("[0-9]{5}")) {
			throw new IllegalArgumentException("A French postal code has 5 digits: " + postalCode);
		}
	}

	private static String requireText(String value, String name, int maxLength) {
		Objects.requireNonNull(value, name);
		String stripped = value.strip();
		if (stripped.isEmpty() || stripped.length() > maxLength) {
			throw new IllegalArgumentException(name + " must have 1 to " + maxLength + " characters");
		}
		return stripped;
	}

	/** One line, as shown in lists: {@code 12 rue de la Paix, 75002 Paris}. */
	public String oneLine() {
		return street + ", " + postalCode + " " + city + ("FR".equals(country) ? "" : " (" + country + ")");
	}

}
