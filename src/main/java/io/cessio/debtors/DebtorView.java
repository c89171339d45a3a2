package io.cessio.debtors;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;

/** A debtor as pages and other modules see it. */
public record DebtorView(DebtorId id, CompanyId companyId, DebtorDetails details, @Nullable Approval approval,
		boolean blocked, @Nullable String blockedReason, @Nullable CreditInsurance insurance,
		@Nullable Instant notifiedAt, Instant registeredAt, long version) {

	public String legalName() {
		return details.legalName();
	}

	public boolean isApprovedOn(LocalDate date) {
		return approval != null && approval.limit().isPositive() && !approval.isExpiredOn(date);
	}

}
