package io.cessio.approval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cessio.shared.Money;

/**
 * The eligibility checks of an assigned invoice (DOMAIN.md §2.2 step 10, §4.6). Each rule
 * is a pure function of an {@link EligibilityInput}: it returns the finding when the
 * check fails, nothing when it passes.
 */
public final class EligibilityRules {

	/** C. com. L441-10: at most 60 days from the invoice date. */
	static final int LEGAL_MAX_TERM_DAYS = 60;

	/** Every rule, in the order findings are shown. */
	static final List<Function<EligibilityInput, Optional<EligibilityFinding>>> ALL = List.of(
			EligibilityRules::debtorApproved, EligibilityRules::approvalNotExpired,
			EligibilityRules::withinApprovalLimit, EligibilityRules::debtorNotBlocked,
			EligibilityRules::withinConcentration, EligibilityRules::withinLegalTerm,
			EligibilityRules::withinContractTerm, EligibilityRules::issuedNotInFuture, EligibilityRules::notDuplicate,
			EligibilityRules::positiveAmount, EligibilityRules::withinFacility, EligibilityRules::notOverdue);

	private EligibilityRules() {
	}

	/** The failed checks of one item, in a stable order. */
	public static List<EligibilityFinding> check(EligibilityInput input) {
		return ALL.stream().map(rule -> rule.apply(input)).flatMap(Optional::stream).toList();
	}

	static Optional<EligibilityFinding> debtorApproved(EligibilityInput input) {
		if (input.creditNote()) {
			return Optional.empty();
		}
		if (input.approval() == null || !input.approval().limit().isPositive()) {
			return Optional.of(EligibilityFinding.of(EligibilityCheck.DEBTOR_NOT_APPROVED));
		}
		return Optional.empty();
	}

	static Optional<EligibilityFinding> approvalNotExpired(EligibilityInput input) {
		if (input.creditNote() || input.approval() == null || !input.approval().isExpiredOn(input.today())) {
			return Optional.empty();
		}
		return Optional.of(EligibilityFinding.of(EligibilityCheck.APPROVAL_EXPIRED, input.approval().expiresOn()));
	}

	static Optional<EligibilityFinding> withinApprovalLimit(EligibilityInput input) {
		if (input.creditNote() || input.approval() == null || !input.approval().limit().isPositive()) {
			return Optional.empty();
		}
		Money limit = input.approval().limit();
		Money exposureAfter = input.debtorExposure().plus(input.amount());
		if (!exposureAfter.isGreaterThan(limit)) {
			return Optional.empty();
		}
		Money headroom = limit.minus(input.debtorExposure());
		if (headroom.isNegative()) {
			headroom = Money.zero(Money.EUR);
		}
		return Optional.of(EligibilityFinding.of(EligibilityCheck.APPROVAL_LIMIT_EXCEEDED, limit,
				input.debtorExposure(), headroom, exposureAfter.minus(limit)));
	}

	static Optional<EligibilityFinding> debtorNotBlocked(EligibilityInput input) {
		if (input.creditNote() || !input.debtorBlocked()) {
			return Optional.empty();
		}
		return Optional.of(EligibilityFinding.of(EligibilityCheck.DEBTOR_BLOCKED));
	}

	static Optional<EligibilityFinding> withinConcentration(EligibilityInput input) {
		if (input.creditNote() || !input.portfolioAfterRemittance().isPositive()) {
			return Optional.empty();
		}
		BigDecimal onDebtor = input.debtorExposure().plus(input.amount()).amount();
		BigDecimal portfolio = input.portfolioAfterRemittance().amount();
		// compared exactly: a share rounded for display would hide an excess of a few
		// cents
		if (onDebtor.compareTo(portfolio.multiply(input.concentrationLimit().value())) <= 0) {
			return Optional.empty();
		}
		BigDecimal sharePercent = onDebtor.movePointRight(2).divide(portfolio, 1, RoundingMode.HALF_UP);
		return Optional.of(EligibilityFinding.of(EligibilityCheck.CONCENTRATION_EXCEEDED, sharePercent,
				input.concentrationLimit().percent().stripTrailingZeros().toPlainString()));
	}

	static Optional<EligibilityFinding> withinLegalTerm(EligibilityInput input) {
		if (input.creditNote()) {
			return Optional.empty();
		}
		long days = ChronoUnit.DAYS.between(input.issueDate(), input.dueDate());
		return days > LEGAL_MAX_TERM_DAYS
				? Optional.of(EligibilityFinding.of(EligibilityCheck.TERM_OVER_LEGAL_LIMIT, days, LEGAL_MAX_TERM_DAYS))
				: Optional.empty();
	}

	static Optional<EligibilityFinding> withinContractTerm(EligibilityInput input) {
		if (input.creditNote()) {
			return Optional.empty();
		}
		long days = ChronoUnit.DAYS.between(input.issueDate(), input.dueDate());
		return days > input.maxTermDays()
				? Optional
					.of(EligibilityFinding.of(EligibilityCheck.TERM_OVER_CONTRACT_LIMIT, days, input.maxTermDays()))
				: Optional.empty();
	}

	static Optional<EligibilityFinding> issuedNotInFuture(EligibilityInput input) {
		return input.issueDate().isAfter(input.today())
				? Optional.of(EligibilityFinding.of(EligibilityCheck.ISSUE_DATE_IN_FUTURE, input.issueDate()))
				: Optional.empty();
	}

	static Optional<EligibilityFinding> notDuplicate(EligibilityInput input) {
		return input.duplicate() ? Optional.of(EligibilityFinding.of(EligibilityCheck.DUPLICATE)) : Optional.empty();
	}

	static Optional<EligibilityFinding> positiveAmount(EligibilityInput input) {
		return !input.creditNote() && !input.amount().isPositive()
				? Optional.of(EligibilityFinding.of(EligibilityCheck.NON_POSITIVE_AMOUNT, input.amount()))
				: Optional.empty();
	}

	static Optional<EligibilityFinding> withinFacility(EligibilityInput input) {
		if (input.creditNote()) {
			return Optional.empty();
		}
		Money after = input.portfolioExposure().plus(input.amount());
		if (!after.isGreaterThan(input.facilityLimit())) {
			return Optional.empty();
		}
		Money headroom = input.facilityLimit().minus(input.portfolioExposure());
		return Optional.of(EligibilityFinding.of(EligibilityCheck.FACILITY_LIMIT_EXCEEDED, input.facilityLimit(),
				headroom.isNegative() ? Money.zero(Money.EUR) : headroom));
	}

	static Optional<EligibilityFinding> notOverdue(EligibilityInput input) {
		return !input.creditNote() && input.dueDate().isBefore(input.today())
				? Optional.of(EligibilityFinding.of(EligibilityCheck.ALREADY_OVERDUE, input.dueDate()))
				: Optional.empty();
	}

}
