package io.cessio.invoices;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Money;

/**
 * A payment to set against a purchased invoice, under the key of what paid it (an
 * allocation of a bank receipt): the same key settles once.
 */
public record PaymentSettlement(InvoiceId invoiceId, Money amount, LocalDate valueDate, String sourceRef) {

	public PaymentSettlement {
		Objects.requireNonNull(invoiceId);
		Objects.requireNonNull(valueDate);
		Objects.requireNonNull(sourceRef);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A settled amount is positive");
		}
	}

}
