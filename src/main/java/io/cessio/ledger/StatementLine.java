package io.cessio.ledger;

import java.time.Instant;
import java.time.LocalDate;

import io.cessio.shared.Money;

/**
 * A movement on one account with the balance after it, both on the account's normal side:
 * {@code amount} is positive when the balance grows.
 */
public record StatementLine(long entryId, LocalDate effectiveDate, Instant recordedAt, String sourceType,
		String sourceRef, String description, Money amount, Money runningBalance) {
}
