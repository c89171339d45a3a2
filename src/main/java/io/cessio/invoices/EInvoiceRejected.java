package io.cessio.invoices;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded e-invoice was refused; nothing was read from it. {@link #messageKey()} and
 * {@link #messageArguments()} let the page say why in the user's language; the English
 * message (and the cause, if any) are for the logs.
 */
public class EInvoiceRejected extends RuntimeException {

	/** Why a file was refused. */
	public enum Reason {

		/** Over {@link EInvoiceReader#MAX_BYTES}, as uploaded or once extracted. */
		TOO_LARGE("The file is larger than 10 MB"),

		/** A PDF that carries no Factur-X or ZUGFeRD invoice XML. */
		NOT_FACTUR_X("The PDF carries no Factur-X or ZUGFeRD invoice"),

		/** The XML declares a document type (DTD), which could load outside resources. */
		DOCTYPE_FORBIDDEN("The XML declares a DOCTYPE, which is not accepted"),

		/** Not well-formed XML, or an unreadable PDF. */
		MALFORMED("The file is damaged or not well-formed"),

		/**
		 * Neither a PDF nor a CII or UBL invoice, or an XML encoding other than UTF-8.
		 */
		UNSUPPORTED("The file is not a Factur-X PDF, a CII or a UBL invoice"),

		/** A mandatory field is absent; the detail names it. */
		MISSING_FIELD("A mandatory field is missing"),

		/**
		 * An amount is negative, has more than two decimals or the totals do not add up.
		 */
		INVALID_AMOUNT("The amounts are invalid");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

	}

	private final Reason reason;

	private final @Nullable String detail;

	public EInvoiceRejected(Reason reason) {
		this(reason, null, null);
	}

	public EInvoiceRejected(Reason reason, @Nullable String detail) {
		this(reason, detail, null);
	}

	public EInvoiceRejected(Reason reason, @Nullable String detail, @Nullable Throwable cause) {
		super(reason.description + ((detail != null) ? ": " + detail : ""), cause);
		this.reason = reason;
		this.detail = detail;
	}

	public Reason reason() {
		return reason;
	}

	/** What exactly is wrong (the missing field, the faulty amount…), if known. */
	public @Nullable String detail() {
		return detail;
	}

	/** For example {@code invoices.einvoice.doctype_forbidden}. */
	public String messageKey() {
		return "invoices.einvoice." + reason.name().toLowerCase(Locale.ROOT);
	}

	/** The detail as the only argument, or no argument. */
	public Object[] messageArguments() {
		return (detail != null) ? new Object[] { detail } : new Object[0];
	}

}
