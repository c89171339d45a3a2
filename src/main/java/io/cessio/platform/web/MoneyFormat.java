package io.cessio.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

import io.cessio.shared.Money;

/**
 * How amounts read and print. French: {@code 1 234,56 €} (narrow no-break space between
 * thousands, no-break space before the sign); English: {@code €1,234.56}. Parsing accepts
 * what people type: {@code 1234,56}, {@code 1 234,56}, {@code 1234.56}.
 */
public final class MoneyFormat {

	static final char NARROW_NBSP = '\u202F';

	static final char NBSP = '\u00A0';

	private static final java.util.regex.Pattern DECIMAL_TEXT = java.util.regex.Pattern.compile("[-+]?[0-9.,]+");

	private MoneyFormat() {
	}

	public static String format(Money money, Locale locale) {
		String symbol = money.currency().getSymbol(Locale.FRANCE);
		String number = decimal(money.amount(), locale, money.currency().getDefaultFractionDigits());
		if (isFrench(locale)) {
			return number + NBSP + symbol;
		}
		return money.isNegative() ? "-" + symbol + number.substring(1) : symbol + number;
	}

	/** A plain decimal with grouping, e.g. {@code 18 275,76} or {@code 18,275.76}. */
	public static String decimal(BigDecimal value, Locale locale, int fractionDigits) {
		String pattern = fractionDigits == 0 ? "#,##0" : "#,##0." + "0".repeat(fractionDigits);
		DecimalFormat format = new DecimalFormat(pattern, symbols(locale));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/**
	 * Reads a decimal typed by a person: spaces and the euro sign are ignored; when both
	 * ',' and '.' appear, the last one is the decimal separator and the other groups
	 * thousands; a lone ',' is the decimal separator. Anything else is refused.
	 */
	public static BigDecimal parseDecimal(String text) throws ParseException {
		String compact = text.strip()
			.replace(" ", "")
			.replace(String.valueOf(NBSP), "")
			.replace(String.valueOf(NARROW_NBSP), "")
			.replace("€", "");
		if (compact.isEmpty() || !DECIMAL_TEXT.matcher(compact).matches()) {
			throw new ParseException("Not a number: " + text, 0);
		}
		int lastComma = compact.lastIndexOf(',');
		int lastDot = compact.lastIndexOf('.');
		String normalised;
		if (lastComma >= 0 && lastDot >= 0) {
			char decimal = lastComma > lastDot ? ',' : '.';
			char grouping = decimal == ',' ? '.' : ',';
			normalised = compact.replace(String.valueOf(grouping), "").replace(decimal, '.');
		}
		else if (lastComma >= 0) {
			normalised = compact.replace(',', '.');
		}
		else {
			normalised = compact;
		}
		if (normalised.indexOf('.') != normalised.lastIndexOf('.')) {
			throw new ParseException("Not a number: " + text, 0);
		}
		try {
			return new BigDecimal(normalised);
		}
		catch (NumberFormatException ex) {
			throw new ParseException("Not a number: " + text, 0);
		}
	}

	private static DecimalFormatSymbols symbols(Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(isFrench(locale) ? Locale.FRANCE : Locale.UK);
		if (isFrench(locale)) {
			symbols.setGroupingSeparator(NARROW_NBSP);
			symbols.setDecimalSeparator(',');
		}
		return symbols;
	}

	private static boolean isFrench(Locale locale) {
		return "fr".equals(locale.getLanguage());
	}

}
