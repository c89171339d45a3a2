package io.cessio.companies;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The financial terms of a company's factoring contract (conditions particulières).
 *
 * @param advanceRate share of eligible outstanding that is financed (quotité financée)
 * @param commissionRate factoring commission, excluding VAT, on the amount incl. VAT
 * remitted
 * @param perInvoiceFee fee per remitted invoice, excluding VAT
 * @param feeVatRate VAT charged on the commission and the per-invoice fee
 * @param financingMargin margin over the reference rate (Euribor 3M, floored at 0),
 * Act/360
 * @param facilityLimit the most the factor finances (plafond de financement)
 * @param concentrationLimit the largest share of eligible outstanding one debtor may
 * represent
 * @param defundingDays days past due after which an invoice is no longer financed
 * (définancement)
 * @param maxTermDays longest accepted term between issue and due date
 * @param fourEyesThreshold remittances above this amount need two different analysts
 * @param autoPayout whether the whole availability is paid out after each purchase
 * @param autoRefund whether what collections release (the reserve) is paid out after each
 * sweep of the dedicated account
 */
public record ContractTerms(Rate advanceRate, Rate commissionRate, Money perInvoiceFee, Rate feeVatRate,
		Rate financingMargin, Money facilityLimit, Rate concentrationLimit, int defundingDays, int maxTermDays,
		Money fourEyesThreshold, boolean autoPayout, boolean autoRefund) {

	/** Terms whose reserve refunds after a sweep follow the auto-payout choice. */
	public ContractTerms(Rate advanceRate, Rate commissionRate, Money perInvoiceFee, Rate feeVatRate,
			Rate financingMargin, Money facilityLimit, Rate concentrationLimit, int defundingDays, int maxTermDays,
			Money fourEyesThreshold, boolean autoPayout) {
		this(advanceRate, commissionRate, perInvoiceFee, feeVatRate, financingMargin, facilityLimit, concentrationLimit,
				defundingDays, maxTermDays, fourEyesThreshold, autoPayout, autoPayout);
	}

	/** These terms with reserve refunds after each sweep switched on or off. */
	public ContractTerms withAutoRefund(boolean autoRefund) {
		return new ContractTerms(advanceRate, commissionRate, perInvoiceFee, feeVatRate, financingMargin, facilityLimit,
				concentrationLimit, defundingDays, maxTermDays, fourEyesThreshold, autoPayout, autoRefund);
	}

	public ContractTerms {
		Objects.requireNonNull(advanceRate, "advanceRate");
		Objects.requireNonNull(commissionRate, "commissionRate");
		Objects.requireNonNull(perInvoiceFee, "perInvoiceFee");
		Objects.requireNonNull(feeVatRate, "feeVatRate");
		Objects.requireNonNull(financingMargin, "financingMargin");
		Objects.requireNonNull(facilityLimit, "facilityLimit");
		Objects.requireNonNull(concentrationLimit, "concentrationLimit");
		Objects.requireNonNull(fourEyesThreshold, "fourEyesThreshold");
		List<String> problems = problems(advanceRate, commissionRate, perInvoiceFee, feeVatRate, financingMargin,
				facilityLimit, concentrationLimit, defundingDays, maxTermDays, fourEyesThreshold);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid contract terms: " + String.join("; ", problems));
		}
	}

	/**
	 * The standard terms (DOMAIN.md, Appendix B), proposed when a company is onboarded.
	 */
	public static ContractTerms standard() {
		return new ContractTerms(Rate.ofPercent("90"), Rate.ofPercent("0.30"), Money.eur("3.00"), Rate.ofPercent("20"),
				Rate.ofPercent("1.50"), Money.eur("500000.00"), Rate.ofPercent("30"), 60, 90, Money.eur("50000.00"),
				true);
	}

	private static List<String> problems(Rate advanceRate, Rate commissionRate, Money perInvoiceFee, Rate feeVatRate,
			Rate financingMargin, Money facilityLimit, Rate concentrationLimit, int defundingDays, int maxTermDays,
			Money fourEyesThreshold) {
		List<String> problems = new ArrayList<>();
		if (advanceRate.value().signum() <= 0 || !advanceRate.isFraction()) {
			problems.add("advance rate must be above 0 % and at most 100 %");
		}
		if (commissionRate.isNegative() || commissionRate.compareTo(Rate.ofPercent("10")) > 0) {
			problems.add("commission rate must be between 0 % and 10 %");
		}
		if (perInvoiceFee.isNegative()) {
			problems.add("per-invoice fee cannot be negative");
		}
		if (!feeVatRate.isFraction()) {
			problems.add("VAT rate must be between 0 % and 100 %");
		}
		if (financingMargin.isNegative() || financingMargin.compareTo(Rate.ofPercent("20")) > 0) {
			problems.add("financing margin must be between 0 % and 20 %");
		}
		if (!facilityLimit.isPositive()) {
			problems.add("facility limit must be positive");
		}
		if (concentrationLimit.value().signum() <= 0 || !concentrationLimit.isFraction()) {
			problems.add("concentration limit must be above 0 % and at most 100 %");
		}
		if (defundingDays < 0 || defundingDays > 365) {
			problems.add("définancement days must be between 0 and 365");
		}
		if (maxTermDays < 1 || maxTermDays > 365) {
			problems.add("longest term must be between 1 and 365 days");
		}
		if (fourEyesThreshold.isNegative()) {
			problems.add("four-eyes threshold cannot be negative");
		}
		if (!perInvoiceFee.currency().equals(Money.EUR) || !facilityLimit.currency().equals(Money.EUR)
				|| !fourEyesThreshold.currency().equals(Money.EUR)) {
			problems.add("contracts are in euros");
		}
		return problems;
	}

	/** A readable list of what differs from other terms, for the audit trail. */
	List<String> differencesFrom(ContractTerms before) {
		List<String> changes = new ArrayList<>();
		change(changes, "advanceRate", before.advanceRate, advanceRate);
		change(changes, "commissionRate", before.commissionRate, commissionRate);
		change(changes, "perInvoiceFee", before.perInvoiceFee, perInvoiceFee);
		change(changes, "feeVatRate", before.feeVatRate, feeVatRate);
		change(changes, "financingMargin", before.financingMargin, financingMargin);
		change(changes, "facilityLimit", before.facilityLimit, facilityLimit);
		change(changes, "concentrationLimit", before.concentrationLimit, concentrationLimit);
		change(changes, "defundingDays", before.defundingDays, defundingDays);
		change(changes, "maxTermDays", before.maxTermDays, maxTermDays);
		change(changes, "fourEyesThreshold", before.fourEyesThreshold, fourEyesThreshold);
		change(changes, "autoPayout", before.autoPayout, autoPayout);
		change(changes, "autoRefund", before.autoRefund, autoRefund);
		return changes;
	}

	static void change(List<String> changes, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(name + ": " + before + " → " + after);
		}
	}

}
