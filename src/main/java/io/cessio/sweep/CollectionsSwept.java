package io.cessio.sweep;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * Dedicated accounts swept together, in one transaction of a sweep run: for each line,
 * the collections held for the factor in the company's dedicated account were transferred
 * to the factor, and what they released (the reserve) is now in the company's
 * availability. One event per batch rather than per account: the publication registry
 * then writes one row for a whole batch of accounts.
 */
public record CollectionsSwept(LocalDate businessDate, List<Line> lines) {

	public CollectionsSwept {
		lines = List.copyOf(lines);
	}

	/** One account's sweep line. */
	public record Line(UUID sweepLineId, CompanyId companyId, Money amount) {
	}

}
