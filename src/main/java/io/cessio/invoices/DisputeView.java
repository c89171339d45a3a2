package io.cessio.invoices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/** A dispute (litige) on an invoice, as pages and other modules see it. */
public record DisputeView(UUID id, InvoiceId invoiceId, CompanyId companyId, Money amount, String reason,
		DisputeStatus status, String declaredBy, Instant declaredAt, @Nullable String endedBy,
		@Nullable Instant endedAt, @Nullable String endNote, @Nullable InvoiceId creditNoteId) {

	public boolean isOpen() {
		return status == DisputeStatus.OPEN;
	}

}
