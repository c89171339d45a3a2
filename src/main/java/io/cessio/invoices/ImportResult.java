package io.cessio.invoices;

import java.util.UUID;

import io.cessio.shared.Money;

/** What an accepted import stored. */
public record ImportResult(UUID importId, int invoices, int creditNotes, Money totalInvoices, Money totalCreditNotes) {

	public int items() {
		return invoices + creditNotes;
	}

}
