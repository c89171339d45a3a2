package io.cessio.banking;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;

/**
 * What to pay out of a dedicated account, to whom, and under which one-time request key.
 */
public record TransferOrder(DedicatedAccountId from, String requestKey, Money amount, String creditorName,
		Iban creditorIban, PostalAddress creditorAddress, String remittanceInfo, LocalDate executionDate,
		String requestedBy) {

	public TransferOrder {
		Objects.requireNonNull(from);
		Objects.requireNonNull(requestKey);
		Objects.requireNonNull(amount);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A transfer amount is positive");
		}
	}

}
