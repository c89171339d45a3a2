package io.cessio.payments;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Part of a receipt about to be allocated, by the engine or by a person. */
record PlannedAllocation(@Nullable UUID invoiceId, AllocationKind kind, BigDecimal amount, MatchPass pass,
		BigDecimal score) {
}
