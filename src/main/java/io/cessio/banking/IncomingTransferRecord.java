package io.cessio.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.cessio.shared.Money;

/** A receipt recorded on a dedicated account. */
public record IncomingTransferRecord(UUID id, DedicatedAccountId to, String companyName, Money amount,
		LocalDate valueDate, String payerName, String payerIban, String remittanceInfo, Instant recordedAt,
		String recordedBy) {
}
