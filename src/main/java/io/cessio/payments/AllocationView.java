package io.cessio.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.Money;

/** An allocated part of a receipt, as pages show it. */
public record AllocationView(UUID id, @Nullable UUID invoiceId, AllocationKind kind, Money amount, String pass,
		java.math.BigDecimal score, String decidedBy, Instant decidedAt) {
}
