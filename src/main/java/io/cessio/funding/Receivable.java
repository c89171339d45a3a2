package io.cessio.funding;

import java.time.LocalDate;

import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceId;
import io.cessio.shared.Money;

/**
 * A purchased invoice or credit note still open, as the availability counts it: its open
 * amount incl. VAT (positive; a credit note reduces its debtor's outstanding).
 */
public record Receivable(InvoiceId invoiceId, DebtorId debtorId, String debtorName, String number, boolean creditNote,
		LocalDate dueDate, Money amount) {

	public Money signedAmount() {
		return creditNote ? amount.negate() : amount;
	}

}
