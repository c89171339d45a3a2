package io.cessio.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.cessio.platform.web.MoneyFormat;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * How the documents print values, handed to the templates as {@code fmt}: French amounts,
 * dates as dd/MM/yyyy, instants in Paris time.
 */
final class DocumentFormat {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

	public String money(Money money) {
		return MoneyFormat.format(money, Locale.FRANCE);
	}

	/** A credit-note total, printed negative whatever its sign. */
	public String negative(Money money) {
		return money(money.isPositive() ? money.negate() : money);
	}

	public String date(LocalDate date) {
		return DATE.format(date);
	}

	public String date(Instant instant) {
		return DATE.format(instant.atZone(PARIS));
	}

	/** {@code 03/03/2026 à 10:15} */
	public String dateTime(Instant instant) {
		return date(instant) + " à " + TIME.format(instant.atZone(PARIS));
	}

	/**
	 * {@code 123 456 782}, with no-break spaces so that a SIREN never splits across
	 * lines.
	 */
	public String siren(Siren siren) {
		return siren.formatted().replace(' ', '\u00A0');
	}

	/**
	 * An ISO 11649 creditor reference in groups of four, as it is printed
	 * ({@code RF68 ALPH A202 6F1}); anything else as given.
	 */
	public String creditorReference(String reference) {
		String compact = reference.replace(" ", "");
		if (!compact.matches("RF[0-9]{2}[A-Za-z0-9]{1,21}")) {
			return reference;
		}
		return compact.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/** The postal code and town, with the country code when abroad. */
	public String town(PostalAddress address) {
		String town = address.postalCode() + " " + address.city();
		return "FR".equals(address.country()) ? town : town + " (" + address.country() + ")";
	}

}
