package io.cessio.invoices;

/**
 * Where an invoice stands: entered ({@code OPEN}, the company may still change or delete
 * it), in a submitted remittance, decided by an analyst, and purchased by the factor.
 */
public enum InvoiceStatus {

	OPEN, SUBMITTED, APPROVED, REJECTED, PURCHASED;

	public boolean isEditable() {
		return this == OPEN;
	}

}
