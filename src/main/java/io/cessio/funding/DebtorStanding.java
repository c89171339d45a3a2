package io.cessio.funding;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.debtors.Approval;

/** What the availability needs to know of a debtor: its approval and whether blocked. */
public record DebtorStanding(@Nullable Approval approval, boolean blocked) {

	public boolean isApprovedOn(LocalDate date) {
		return !blocked && approval != null && approval.limit().isPositive() && !approval.isExpiredOn(date);
	}

}
