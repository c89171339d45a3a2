package io.cessio.invoices;

/**
 * Where an invoice stands: entered ({@code OPEN}, the company may still change or delete
 * it), in a submitted remittance, decided by an analyst, purchased by the factor, and
 * settled once nothing is left to pay (a credit note: once wholly set against invoices).
 */
public enum InvoiceStatus {

	OPEN, SUBMITTED, APPROVED, REJECTED, PURCHASED, SETTLED;

	public boolean isEditable() {
		return this == OPEN;
	}

}
