package io.cessio.banking;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;

/**
 * A credit transfer from the factor's account into a company's dedicated account (a
 * payout), under a one-time request key. The holder is the company, in whose name the
 * dedicated account is.
 */
public record FundingOrder(DedicatedAccountId to, String requestKey, Money amount, String factorName, Iban factorIban,
		Bic factorBic, String holderName, PostalAddress holderAddress, String remittanceInfo, LocalDate executionDate,
		String requestedBy) {

	public FundingOrder {
		Objects.requireNonNull(to);
		Objects.requireNonNull(requestKey);
		Objects.requireNonNull(amount);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A transfer amount is positive");
		}
	}

}
