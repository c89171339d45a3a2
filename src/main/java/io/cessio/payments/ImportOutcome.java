package io.cessio.payments;

/** A statement import and what the automatic lettrage then did with its receipts. */
public record ImportOutcome(StatementImportResult imported, MatchSummary matched) {
}
