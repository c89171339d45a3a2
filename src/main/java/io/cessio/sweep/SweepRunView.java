package io.cessio.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.Money;

/** A sweep run and its totals, for the operations board. */
public record SweepRunView(UUID id, LocalDate businessDate, SweepTrigger trigger, Instant startedAt,
		@Nullable Instant finishedAt, String startedBy, String instance, String status, int accountsSwept,
		int accountsFailed, int accountsSkipped, Money totalSwept, @Nullable String detail) {

	public boolean hasFailures() {
		return accountsFailed > 0 || "FAILED".equals(status);
	}

}
