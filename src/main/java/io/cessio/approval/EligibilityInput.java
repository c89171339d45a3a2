package io.cessio.approval;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.debtors.Approval;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Everything the checks need to know about one item of a remittance, gathered once by the
 * desk so that every rule is a pure function of it.
 *
 * @param creditNote whether the item is a credit note (most checks do not apply)
 * @param amount the amount incl. VAT
 * @param today the business date of the review
 * @param approval the debtor's approval, if any
 * @param debtorExposure what the factor already holds on the debtor, plus the earlier
 * items of this remittance on the same debtor
 * @param portfolioExposure what the factor already holds on the company, plus the earlier
 * items of this remittance
 * @param portfolioAfterRemittance the company's outstanding once the whole remittance is
 * purchased
 * @param duplicate whether another live invoice of the company has the same number for
 * this debtor (ignoring case, spaces and punctuation) or the same e-invoice
 */
public record EligibilityInput(boolean creditNote, Money amount, LocalDate issueDate, LocalDate dueDate,
		LocalDate today, @Nullable Approval approval, boolean debtorBlocked, Money debtorExposure,
		Money portfolioExposure, Money portfolioAfterRemittance, Rate concentrationLimit, Money facilityLimit,
		int maxTermDays, boolean duplicate) {
}
