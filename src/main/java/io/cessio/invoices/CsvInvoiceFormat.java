package io.cessio.invoices;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cessio.platform.web.MoneyFormat;

/**
 * The columns of the invoice CSV file (docs/invoice-import.md) and how each cell reads:
 * French or ISO dates, French or English decimals, French or English names for the kind.
 */
final class CsvInvoiceFormat {

	enum Column {

		NUMBER(true, "numero", "number", "numero_facture", "invoice_number"), KIND(false, "type", "kind", "nature"),
		DEBTOR_SIREN(true, "siren_debiteur", "debtor_siren", "siren"),
		ISSUE_DATE(true, "date_emission", "issue_date", "date_facture", "invoice_date"),
		DUE_DATE(true, "date_echeance", "due_date"), AMOUNT_EXCL_VAT(true, "montant_ht", "amount_excl_vat", "ht"),
		VAT(true, "montant_tva", "vat_amount", "vat", "tva"),
		AMOUNT_INCL_VAT(true, "montant_ttc", "amount_incl_vat", "ttc"), CURRENCY(false, "devise", "currency");

		final boolean required;

		final List<String> names;

		Column(boolean required, String... names) {
			this.required = required;
			this.names = List.of(names);
		}

		/** The French name, used in error reports. */
		String label() {
			return names.get(0);
		}

	}

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private CsvInvoiceFormat() {
	}

	/** Which column each header cell is; unknown headers are ignored. */
	static Map<Column, Integer> columns(List<String> header) {
		Map<Column, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = normalise(header.get(i));
			for (Column column : Column.values()) {
				if (column.names.contains(name) && !positions.containsKey(column)) {
					positions.put(column, i);
				}
			}
		}
		return positions;
	}

	/** Lower case, accents and surrounding spaces removed, spaces and dashes as '_'. */
	static String normalise(String headerCell) {
		String plain = Normalizer.normalize(headerCell.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-.]+", "_");
	}

	static Optional<InvoiceKind> kind(String cell) {
		return switch (cell.strip().toUpperCase(Locale.ROOT)) {
			case "", "FACTURE", "F", "INVOICE", "380", "393" -> Optional.of(InvoiceKind.INVOICE);
			case "AVOIR", "A", "CREDIT_NOTE", "CREDIT NOTE", "381", "396" -> Optional.of(InvoiceKind.CREDIT_NOTE);
			default -> Optional.empty();
		};
	}

	/**
	 * {@code 27/02/2026} or {@code 2026-02-27}, a real calendar date between 2000 and
	 * 2100.
	 */
	static Optional<LocalDate> date(String cell) {
		String text = cell.strip();
		try {
			LocalDate date = text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text, ISO_DATE);
			return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? Optional.empty() : Optional.of(date);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * An amount with at most two decimals, written the French ({@code 1 234,56}) or
	 * English ({@code 1234.56}) way.
	 */
	static Optional<BigDecimal> amount(String cell) {
		String text = cell.strip();
		if (text.isEmpty() || text.length() > 25) {
			return Optional.empty();
		}
		try {
			BigDecimal value = MoneyFormat.parseDecimal(text);
			if (value.scale() > 2 || value.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
				return Optional.empty();
			}
			return Optional.of(value.setScale(2));
		}
		catch (ParseException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
