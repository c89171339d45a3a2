package io.cessio.invoices;

/**
 * A payment cannot be set against the invoice: it is not purchased, not the company's, or
 * the amount exceeds what remains open.
 */
public class SettlementRefused extends RuntimeException {

	public SettlementRefused(String message) {
		super(message);
	}

}
