package io.cessio.funding;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * A payout into a company's dedicated account: requested (after a purchase, by a draw, as
 * a reserve refund), then executed by the payout job through the bank port within 24
 * hours, or cancelled when the availability no longer covers it.
 */
@Entity
@Table(name = "payout")
class Payout {

	/** The funding SLA: executed within 24 hours of the request. */
	static final Duration SLA = Duration.ofHours(24);

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID companyId;

	@Enumerated(EnumType.STRING)
	private PayoutKind kind;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private PayoutStatus status;

	private String requestKey;

	private Instant requestedAt;

	private String requestedBy;

	private Instant deadline;

	private @Nullable Instant executedAt;

	private @Nullable UUID transferId;

	private @Nullable String endToEndId;

	private @Nullable String cancelReason;

	protected Payout() {
	}

	Payout(UUID id, CompanyId companyId, PayoutKind kind, Money amount, String requestKey, Instant requestedAt,
			String requestedBy) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A payout is a positive amount");
		}
		this.id = id;
		this.companyId = companyId.value();
		this.kind = kind;
		this.amount = amount.amount();
		this.currency = amount.currency().getCurrencyCode();
		this.status = PayoutStatus.PENDING;
		this.requestKey = requestKey;
		this.requestedAt = requestedAt;
		this.requestedBy = requestedBy;
		this.deadline = requestedAt.plus(SLA);
	}

	UUID id() {
		return id;
	}

	CompanyId companyId() {
		return new CompanyId(companyId);
	}

	Money amount() {
		return Money.eur(amount);
	}

	PayoutStatus status() {
		return status;
	}

	String requestKey() {
		return requestKey;
	}

	PayoutKind kind() {
		return kind;
	}

	void executed(Instant at, UUID transfer, String endToEnd) {
		requirePending();
		this.status = PayoutStatus.EXECUTED;
		this.executedAt = at;
		this.transferId = transfer;
		this.endToEndId = endToEnd;
	}

	void cancelled(String reason) {
		requirePending();
		this.status = PayoutStatus.CANCELLED;
		this.cancelReason = reason;
	}

	private void requirePending() {
		if (status != PayoutStatus.PENDING) {
			throw new IllegalStateException("Payout " + id + " is " + status);
		}
	}

	PayoutView toView() {
		return new PayoutView(id, companyId(), kind, amount(), status, requestedAt, requestedBy, deadline, executedAt,
				transferId, endToEndId, cancelReason);
	}

}
