package io.cessio.payments;

import java.time.LocalDate;
import java.util.UUID;

import io.cessio.shared.Money;

/**
 * A collection allocated to an invoice, as the sweep's drill-down lists it.
 */
public record CollectedInvoice(UUID allocationId, UUID invoiceId, String invoiceNumber, String debtorName, Money amount,
		LocalDate valueDate, String pass, String payerName) {
}
