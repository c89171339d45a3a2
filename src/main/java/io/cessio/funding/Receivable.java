package io.cessio.funding;

import java.time.LocalDate;

import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceId;
import io.cessio.shared.Money;

/**
 * A purchased invoice or credit note still open, as the availability counts it: its open
 * amount incl. VAT (positive; a credit note reduces its debtor's outstanding) and the
 * amount under an open dispute (zero for none).
 */
public record Receivable(InvoiceId invoiceId, DebtorId debtorId, String debtorName, String number, boolean creditNote,
		LocalDate dueDate, Money amount, Money disputed) {

	/** A receivable without dispute. */
	public Receivable(InvoiceId invoiceId, DebtorId debtorId, String debtorName, String number, boolean creditNote,
			LocalDate dueDate, Money amount) {
		this(invoiceId, debtorId, debtorName, number, creditNote, dueDate, amount, Money.zero(Money.EUR));
	}

	public Money signedAmount() {
		return creditNote ? amount.negate() : amount;
	}

}
