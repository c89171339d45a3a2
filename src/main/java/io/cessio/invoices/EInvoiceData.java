package io.cessio.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What Cessio needs from an e-invoice (EN 16931 business terms in brackets). Amounts are
 * positive, in {@code currency}, with exactly two decimals, and
 * {@code totalExclVat + vatAmount = totalInclVat}. A credit note keeps positive amounts;
 * {@link #creditNote()} says which way they go.
 *
 * @param format the format the file was read as
 * @param number the invoice number (BT-1)
 * @param creditNote whether the document is a credit note (type codes 381, 396, 261, 262,
 * 458, 532, or a UBL CreditNote)
 * @param typeCode the document type code (BT-3)
 * @param issueDate the issue date (BT-2)
 * @param dueDate the payment due date (BT-9), if stated
 * @param totalExclVat the total without VAT (BT-109)
 * @param vatAmount the total VAT (BT-110), zero when the file states none
 * @param totalInclVat the total with VAT (BT-112)
 * @param currency the invoice currency code (BT-5)
 * @param sellerName the seller's legal name (BT-27)
 * @param sellerSiren the seller's SIREN, from its legal registration id (BT-30) or its
 * French VAT number (BT-31), if any
 * @param buyerName the buyer's name (BT-44)
 * @param buyerSiren the buyer's SIREN (BT-47 or BT-48), if any
 * @param buyerCountry the buyer's country code (BT-55), if stated
 * @param documentId a key for duplicate detection that survives a re-export of the same
 * invoice: {@code format:seller SIREN (or name):number:issue date}
 */
public record EInvoiceData(EInvoiceFormat format, String number, boolean creditNote, String typeCode,
		LocalDate issueDate, @Nullable LocalDate dueDate, BigDecimal totalExclVat, BigDecimal vatAmount,
		BigDecimal totalInclVat, String currency, String sellerName, @Nullable String sellerSiren, String buyerName,
		@Nullable String buyerSiren, @Nullable String buyerCountry, @Nullable String documentId) {

	public EInvoiceData {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(typeCode, "typeCode");
		Objects.requireNonNull(issueDate, "issueDate");
		Objects.requireNonNull(totalExclVat, "totalExclVat");
		Objects.requireNonNull(vatAmount, "vatAmount");
		Objects.requireNonNull(totalInclVat, "totalInclVat");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(sellerName, "sellerName");
		Objects.requireNonNull(buyerName, "buyerName");
	}

}
