package io.cessio.funding;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/** A payout as pages show it. */
public record PayoutView(UUID id, CompanyId companyId, PayoutKind kind, Money amount, PayoutStatus status,
		Instant requestedAt, String requestedBy, Instant deadline, @Nullable Instant executedAt,
		@Nullable UUID transferId, @Nullable String endToEndId, @Nullable String cancelReason) {

	/** Still pending past its 24-hour deadline, or executed after it. */
	public boolean isLate(Instant now) {
		return executedAt == null ? status == PayoutStatus.PENDING && now.isAfter(deadline)
				: executedAt.isAfter(deadline);
	}

	/** Time left before the deadline (negative when late). */
	public Duration timeLeft(Instant now) {
		return Duration.between(now, deadline);
	}

	/** {@code 23 h 59} or {@code -1 h 05} */
	public String timeLeftText(Instant now) {
		Duration left = timeLeft(now);
		String sign = left.isNegative() ? "-" : "";
		Duration abs = left.abs();
		return sign + abs.toHours() + " h " + String.format("%02d", abs.toMinutesPart());
	}

}
