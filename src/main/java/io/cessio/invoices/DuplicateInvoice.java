package io.cessio.invoices;

/**
 * The company already has this invoice (same debtor, kind and number, or the same
 * e-invoice) and it was not rejected.
 */
public class DuplicateInvoice extends RuntimeException {

	public DuplicateInvoice(String number) {
		super("Invoice " + number + " is already registered for this debtor");
	}

}
