package io.cessio.invoices;

import java.time.Instant;
import java.util.UUID;

/** A supporting document of an invoice, without its content. */
public record AttachmentView(UUID id, InvoiceId invoiceId, String fileName, String contentType, int sizeBytes,
		String sha256, Instant uploadedAt, String uploadedBy) {
}
