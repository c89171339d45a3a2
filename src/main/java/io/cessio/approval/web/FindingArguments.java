package io.cessio.approval.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.cessio.platform.web.MoneyFormat;
import io.cessio.shared.Money;

/**
 * Prints the figures a finding's explanation quotes: amounts and dates the way the page's
 * language writes them.
 */
public final class FindingArguments {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Locale locale;

	FindingArguments(Locale locale) {
		this.locale = locale;
	}

	public String argument(Object value) {
		if (value instanceof Money money) {
			return MoneyFormat.format(money, locale);
		}
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		if (value instanceof BigDecimal decimal) {
			return MoneyFormat.decimal(decimal, locale, Math.max(0, decimal.scale()));
		}
		return String.valueOf(value);
	}

}
