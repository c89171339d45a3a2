package io.cessio.payments;

import java.time.Instant;
import java.util.UUID;

import io.cessio.banking.StatementFormat;
import io.cessio.shared.Money;

/**
 * A statement file imported, with the auto-match rate of its receipts: how many were
 * wholly matched by the lettrage, and how much of the money it allocated.
 */
public record ImportView(UUID id, String fileName, StatementFormat format, ImportSource source, Instant importedAt,
		String importedBy, int statements, int entries, int newEntries, int receipts, Money received,
		int autoMatchedReceipts, Money autoMatchedAmount) {

	/** Receipts wholly matched automatically, in percent of the receipts (0 to 100). */
	public int autoMatchRateByCount() {
		return receipts == 0 ? 0 : (int) Math.floor(100.0 * autoMatchedReceipts / receipts);
	}

	/** Money allocated automatically, in percent of the money received (0 to 100). */
	public int autoMatchRateByAmount() {
		return received.isZero() ? 0
				: autoMatchedAmount.amount()
					.multiply(java.math.BigDecimal.valueOf(100))
					.divide(received.amount(), 0, java.math.RoundingMode.FLOOR)
					.intValue();
	}

}
