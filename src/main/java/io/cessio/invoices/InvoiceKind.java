package io.cessio.invoices;

/** An invoice, or a credit note that reduces what the debtor owes. */
public enum InvoiceKind {

	INVOICE, CREDIT_NOTE

}
