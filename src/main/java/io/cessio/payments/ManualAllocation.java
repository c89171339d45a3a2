package io.cessio.payments;

import io.cessio.invoices.InvoiceId;
import io.cessio.shared.Money;

/** The part of a receipt a person sets against one invoice. */
public record ManualAllocation(InvoiceId invoiceId, Money amount) {

	public ManualAllocation {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("An allocated amount is positive");
		}
	}

}
