package io.cessio.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.cessio.shared.Money;

/** A SEPA credit transfer the bank executed out of a dedicated account. */
public record OutgoingTransfer(UUID id, DedicatedAccountId from, String purpose, String messageId, String endToEndId,
		Money amount, String debtorName, String debtorIban, String debtorBic, String creditorName, String creditorIban,
		String creditorCity, String creditorCountry, String remittanceInfo, LocalDate executionDate,
		Instant requestedAt, String requestedBy, long journalEntryId) {
}
