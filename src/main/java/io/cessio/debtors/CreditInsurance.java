package io.cessio.debtors;

import java.util.Objects;

import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The company's credit insurance on a debtor, delegated to the factor: the insurer, the
 * insured limit and the share of a loss the insurer covers (quotité).
 */
public record CreditInsurance(String insurer, Money insuredLimit, Rate cover) {

	public CreditInsurance {
		Objects.requireNonNull(insurer, "insurer");
		insurer = insurer.strip();
		if (insurer.isEmpty() || insurer.length() > 200) {
			throw new IllegalArgumentException("insurer must have 1 to 200 characters");
		}
		Objects.requireNonNull(insuredLimit, "insuredLimit");
		Objects.requireNonNull(cover, "cover");
		if (insuredLimit.isNegative()) {
			throw new IllegalArgumentException("insured limit cannot be negative");
		}
		if (cover.value().signum() <= 0 || !cover.isFraction()) {
			throw new IllegalArgumentException("cover must be above 0 % and at most 100 %");
		}
	}

}
