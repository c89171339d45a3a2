package io.cessio.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cessio.banking.StatementFormat;
import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * What a statement import stored: a file seen before ({@code alreadyImported}) stores
 * nothing and tells when it was first imported.
 *
 * @param newEntries entries not seen before (an entry already imported from another file
 * is not stored twice)
 * @param receipts new money received from others, booked to suspense for matching
 */
public record StatementImportResult(UUID importId, String fileName, StatementFormat format, boolean alreadyImported,
		Instant importedAt, int statements, int entries, int newEntries, int receipts, Money receivedTotal,
		List<CompanyId> companies) {

	public StatementImportResult {
		companies = List.copyOf(companies);
	}

}
