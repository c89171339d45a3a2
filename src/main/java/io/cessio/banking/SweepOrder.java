package io.cessio.banking;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/**
 * A credit transfer of identified collections out of a dedicated account to the factor's
 * account (the sweep, initiated by the factor under its mandate), under a one-time
 * request key.
 */
public record SweepOrder(DedicatedAccountId from, String requestKey, Money amount, String factorName, Iban factorIban,
		String factorCity, String factorCountry, String remittanceInfo, LocalDate executionDate, String requestedBy) {

	public SweepOrder {
		Objects.requireNonNull(from);
		Objects.requireNonNull(requestKey);
		Objects.requireNonNull(amount);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A transfer amount is positive");
		}
	}

}
