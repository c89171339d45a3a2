package io.cessio.banking.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.cessio.shared.Money;

/**
 * Cells of the CSV exports, for French spreadsheets: ';' separator, decimal comma. A text
 * cell that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
 * return) is prefixed with an apostrophe (OWASP's advice against CSV injection).
 */
final class Csv {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(ZoneId.of("Europe/Paris"));

	private Csv() {
	}

	static String cell(String text) {
		String value = text == null ? "" : text;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Amounts are written by us, never typed by someone: a plain number, decimal comma.
	 */
	static String amount(Money money) {
		return money.amount().toPlainString().replace('.', ',');
	}

}
