package io.cessio.invoices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/** A remittance (bordereau) as pages and other modules see it. */
public record RemittanceView(RemittanceId id, CompanyId companyId, String number, RemittanceStatus status,
		int invoiceCount, int creditNoteCount, Money totalInvoices, Money totalCreditNotes, Money controlTotal,
		Instant submittedAt, String submittedBy, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
		@Nullable String secondAnalyst, @Nullable Instant secondAnalystAt, @Nullable LocalDate purchasedOn,
		@Nullable Money commission, @Nullable Money invoiceFees, @Nullable Money vatOnFees) {

	/** The review target (DOMAIN.md §2.2 step 10): 12 hours from submission. */
	public static final Duration VALIDATION_TARGET = Duration.ofHours(12);

	/** Past this age the queue shows a remittance in amber. */
	public static final Duration VALIDATION_WARNING = Duration.ofHours(8);

	public Duration age(Instant now) {
		return Duration.between(submittedAt, now);
	}

	/** {@code ok}, {@code amber} past 8 hours, {@code red} past 12 hours. */
	public String ageLevel(Instant now) {
		Duration age = age(now);
		if (age.compareTo(VALIDATION_TARGET) > 0) {
			return "red";
		}
		return age.compareTo(VALIDATION_WARNING) > 0 ? "amber" : "ok";
	}

	/** Commission, per-invoice fees and their VAT, once purchased. */
	public @Nullable Money feesInclVat() {
		if (commission == null || invoiceFees == null || vatOnFees == null) {
			return null;
		}
		return commission.plus(invoiceFees).plus(vatOnFees);
	}

}
