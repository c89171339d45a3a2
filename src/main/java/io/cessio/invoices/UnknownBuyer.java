package io.cessio.invoices;

/**
 * The e-invoice's buyer is not one of the company's debtors (matched by SIREN): the page
 * offers to register it with what the file says.
 */
public class UnknownBuyer extends RuntimeException {

	private final EInvoiceData invoice;

	public UnknownBuyer(EInvoiceData invoice) {
		super("No debtor with SIREN " + invoice.buyerSiren() + " for e-invoice " + invoice.number());
		this.invoice = invoice;
	}

	public EInvoiceData invoice() {
		return invoice;
	}

}
