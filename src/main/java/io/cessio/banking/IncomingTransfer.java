package io.cessio.banking;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/**
 * Money received on a dedicated account, as operations record it from the bank's advice.
 */
public record IncomingTransfer(DedicatedAccountId to, Money amount, LocalDate valueDate, String payerName,
		Iban payerIban, String remittanceInfo) {

	public IncomingTransfer {
		Objects.requireNonNull(to);
		Objects.requireNonNull(amount);
		Objects.requireNonNull(valueDate);
		Objects.requireNonNull(payerName);
		Objects.requireNonNull(payerIban);
		Objects.requireNonNull(remittanceInfo);
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A received amount is positive");
		}
	}

}
