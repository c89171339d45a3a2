package io.cessio.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/** What a sweep run did on one dedicated account. */
public record SweepLineView(UUID id, UUID runId, CompanyId companyId, String companyName, LocalDate businessDate,
		String status, Money amount, int invoicesSettled, Money reserveReleased, @Nullable UUID transferId,
		@Nullable String error, Instant recordedAt) {
}
