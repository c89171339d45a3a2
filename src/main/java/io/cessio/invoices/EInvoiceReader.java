package io.cessio.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.mustangproject.CalculatedInvoice;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDLegalOrganisation;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.springframework.stereotype.Component;

import io.cessio.invoices.EInvoiceRejected.Reason;
import io.cessio.shared.Siren;

/**
 * Reads the e-invoices a company uploads: a Factur-X (or ZUGFeRD 2) PDF, a bare CII XML
 * or a UBL 2 Invoice or CreditNote. The format is told from the content, not the file
 * name. The XML is screened (no DOCTYPE, hardened well-formedness pass) before Mustang
 * reads it, and the header totals must add up. Stateless and thread-safe.
 */
@Component
public class EInvoiceReader {

	/** The largest upload accepted, and the largest XML a PDF may unpack to. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	// UNTDID 1001 codes of credit notes (BT-3)
	private static final Set<String> CREDIT_NOTE_TYPE_CODES = Set.of("381", "396", "261", "262", "458", "532");

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final Pattern FRENCH_VAT_NUMBER = Pattern.compile("FR[0-9A-Z]{2}([0-9]{9})");

	/**
	 * Reads one e-invoice.
	 * @param content the uploaded bytes
	 * @return its data, amounts with two decimals
	 * @throws EInvoiceRejected if the file is refused; nothing else for bad content
	 */
	public EInvoiceData read(byte[] content) {
		Objects.requireNonNull(content, "content");
		if (content.length > MAX_BYTES) {
			throw new EInvoiceRejected(Reason.TOO_LARGE);
		}
		if (startsWith(content, PDF_MAGIC)) {
			byte[] xml = FacturXAttachment.extract(content, MAX_BYTES);
			if (!XmlScreen.looksLikeXml(xml)) {
				throw new EInvoiceRejected(Reason.MALFORMED, "the embedded invoice is not XML");
			}
			if (XmlScreen.screen(xml) != XmlScreen.Root.CII) {
				throw new EInvoiceRejected(Reason.NOT_FACTUR_X, "the embedded invoice is not CII");
			}
			return extract(xml, EInvoiceFormat.FACTUR_X, false);
		}
		if (!XmlScreen.looksLikeXml(content)) {
			throw new EInvoiceRejected(Reason.UNSUPPORTED);
		}
		return switch (XmlScreen.screen(content)) {
			case CII -> extract(content, EInvoiceFormat.CII, false);
			case UBL_INVOICE -> extract(content, EInvoiceFormat.UBL, false);
			case UBL_CREDIT_NOTE -> extract(content, EInvoiceFormat.UBL, true);
		};
	}

	private static EInvoiceData extract(byte[] xml, EInvoiceFormat format, boolean ublCreditNote) {
		DeclaredInvoice invoice = new DeclaredInvoice();
		try {
			ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter();
			// the header totals are checked below; Mustang's recomputation from the lines
			// misses some allowance and rounding cases
			importer.doIgnoreCalculationErrors();
			importer.setRawXML(xml, false);
			importer.extractInto(invoice);
		}
		catch (EInvoiceRejected ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new EInvoiceRejected(Reason.MALFORMED,
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(), ex);
		}
		return toData(invoice, format, ublCreditNote);
	}

	private static EInvoiceData toData(DeclaredInvoice invoice, EInvoiceFormat format, boolean ublCreditNote) {
		String number = required(invoice.getNumber(), "number");
		String typeCode = (ublCreditNote && blank(invoice.getDocumentCode())) ? "381"
				: required(invoice.getDocumentCode(), "type code");
		LocalDate issueDate = localDate(invoice.getIssueDate());
		if (issueDate == null) {
			throw new EInvoiceRejected(Reason.MISSING_FIELD, "issue date");
		}
		String currency = required(invoice.getCurrency(), "currency").toUpperCase(Locale.ROOT);

		TradeParty seller = invoice.getSender();
		String sellerName = required(legalName(seller, format), "seller");
		TradeParty buyer = invoice.getRecipient();
		String buyerName = required(legalName(buyer, format), "buyer");

		BigDecimal totalExclVat = amount(invoice.declaredTaxBasis(), "total excl. VAT");
		BigDecimal totalInclVat = amount(invoice.declaredGrandTotal(), "total incl. VAT");
		BigDecimal declaredVat = invoice.declaredVatTotal();
		BigDecimal vatAmount = (declaredVat != null) ? amount(declaredVat, "VAT amount") : BigDecimal.ZERO.setScale(2);
		if (totalInclVat.signum() == 0) {
			throw new EInvoiceRejected(Reason.INVALID_AMOUNT, "total incl. VAT is zero");
		}
		if (totalExclVat.add(vatAmount).compareTo(totalInclVat) != 0) {
			throw new EInvoiceRejected(Reason.INVALID_AMOUNT,
					totalExclVat + " + " + vatAmount + " VAT ≠ " + totalInclVat + " incl. VAT");
		}

		String sellerSiren = siren(seller);
		String documentId = ((sellerSiren != null) ? sellerSiren : sellerName) + ":" + number + ":" + issueDate;
		return new EInvoiceData(format, number, ublCreditNote || CREDIT_NOTE_TYPE_CODES.contains(typeCode), typeCode,
				issueDate, localDate(invoice.getDueDate()), totalExclVat, vatAmount, totalInclVat, currency, sellerName,
				sellerSiren, buyerName, siren(buyer), trimmed(buyer.getCountry()), documentId);
	}

	/**
	 * Mustang parses dates with {@code SimpleDateFormat} in the JVM's default time zone,
	 * so they convert back in that same zone, whichever it is.
	 */
	private static @Nullable LocalDate localDate(@Nullable Date date) {
		return (date != null) ? LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault()) : null;
	}

	private static BigDecimal amount(@Nullable BigDecimal amount, String field) {
		if (amount == null) {
			throw new EInvoiceRejected(Reason.MISSING_FIELD, field);
		}
		if (amount.signum() < 0) {
			throw new EInvoiceRejected(Reason.INVALID_AMOUNT, field + " is negative: " + amount.toPlainString());
		}
		try {
			return amount.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new EInvoiceRejected(Reason.INVALID_AMOUNT,
					field + " has more than 2 decimals: " + amount.toPlainString());
		}
	}

	/**
	 * The legal name (BT-27): {@code ram:Name} in CII, {@code cbc:RegistrationName} in
	 * UBL, which Mustang puts in the legal organisation's trading business name.
	 */
	private static @Nullable String legalName(@Nullable TradeParty party, EInvoiceFormat format) {
		if (party == null) {
			return null;
		}
		IZUGFeRDLegalOrganisation legal = party.getLegalOrganisation();
		String registered = (legal != null) ? trimmed(legal.getTradingBusinessName()) : null;
		String name = trimmed(party.getName());
		if (format == EInvoiceFormat.UBL) {
			return (registered != null) ? registered : name;
		}
		return (name != null) ? name : registered;
	}

	/**
	 * The SIREN from the legal registration id (scheme 0002 SIREN, 0009 SIRET), else from
	 * a global id with those schemes, else from a French VAT number; only Luhn-valid
	 * ones.
	 */
	static @Nullable String siren(@Nullable TradeParty party) {
		if (party == null) {
			return null;
		}
		IZUGFeRDLegalOrganisation legal = party.getLegalOrganisation();
		SchemedID registration = (legal != null) ? legal.getSchemedID() : null;
		String siren = (registration != null) ? fromScheme(registration.getScheme(), registration.getID()) : null;
		if (siren == null) {
			siren = fromScheme(party.getGlobalIDScheme(), party.getGlobalID());
		}
		if (siren == null) {
			siren = fromVatNumber(party.getVATID());
		}
		return siren;
	}

	private static @Nullable String fromScheme(@Nullable String scheme, @Nullable String id) {
		if (scheme == null || id == null) {
			return null;
		}
		String digits = id.replaceAll("\\s", "");
		String candidate = switch (scheme.trim()) {
			case "0002" -> digits;
			case "0009" -> digits.matches("[0-9]{14}") ? digits.substring(0, 9) : null;
			default -> null;
		};
		return (candidate != null && Siren.isValid(candidate)) ? candidate : null;
	}

	private static @Nullable String fromVatNumber(@Nullable String vatNumber) {
		if (vatNumber == null) {
			return null;
		}
		Matcher matcher = FRENCH_VAT_NUMBER.matcher(vatNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
		return (matcher.matches() && Siren.isValid(matcher.group(1))) ? matcher.group(1) : null;
	}

	private static String required(@Nullable String value, String field) {
		String trimmed = trimmed(value);
		if (trimmed == null) {
			throw new EInvoiceRejected(Reason.MISSING_FIELD, field);
		}
		return trimmed;
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return blank(value) ? null : value.trim();
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Mustang's invoice with the totals as the file states them: its getters would
	 * compute missing ones from the lines instead.
	 */
	private static final class DeclaredInvoice extends CalculatedInvoice {

		@Nullable BigDecimal declaredGrandTotal() {
			return grandTotal;
		}

		@Nullable BigDecimal declaredTaxBasis() {
			return taxBasis;
		}

		@Nullable BigDecimal declaredVatTotal() {
			return VATtotal;
		}

	}

}
