package io.cessio.payments;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * Money received and not (wholly) identified, waiting in the suspense work queue.
 *
 * @param ageDays calendar days since its value date
 */
public record SuspenseItem(UUID entryId, CompanyId companyId, String companyName, LocalDate valueDate, Money amount,
		Money unallocated, @Nullable String payerName, @Nullable String payerIban, String remittanceText,
		EntryState state, long ageDays, long version) {

	/** The ageing bucket: 0–2 days, 3–5, 6–10, over 10 (for the operations board). */
	public String ageBucket() {
		if (ageDays <= 2) {
			return "0-2";
		}
		if (ageDays <= 5) {
			return "3-5";
		}
		return ageDays <= 10 ? "6-10" : "10+";
	}

}
