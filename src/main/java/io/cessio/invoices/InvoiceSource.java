package io.cessio.invoices;

/** How an invoice reached Cessio. */
public enum InvoiceSource {

	FORM, CSV, EINVOICE

}
