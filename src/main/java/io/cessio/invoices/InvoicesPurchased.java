package io.cessio.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorId;
import io.cessio.shared.Money;

/**
 * The factor bought the approved items of a remittance: the current account was credited
 * with the invoices (incl. VAT) and debited with the fees, and the credit notes reduced
 * the receivables. Published through the event publication registry in the purchase's
 * transaction.
 *
 * @param purchasedOn the business date of the purchase (and of the current-account
 * credit)
 * @param invoices the purchased invoices and credit notes
 * @param totalInvoices Σ purchased invoices incl. VAT
 * @param totalCreditNotes Σ purchased credit notes incl. VAT
 * @param feesInclVat commission + per-invoice fees + VAT, debited to the current account
 */
public record InvoicesPurchased(RemittanceId remittanceId, String remittanceNumber, CompanyId companyId,
		LocalDate purchasedOn, List<PurchasedItem> invoices, Money totalInvoices, Money totalCreditNotes,
		Money feesInclVat, Instant occurredAt) {

	public InvoicesPurchased {
		invoices = List.copyOf(invoices);
	}

	/** One purchased invoice or credit note. */
	public record PurchasedItem(InvoiceId invoiceId, DebtorId debtorId, InvoiceKind kind, String number,
			LocalDate dueDate, Money amountInclVat) {
	}

}
