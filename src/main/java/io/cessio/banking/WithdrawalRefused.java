package io.cessio.banking;

import io.cessio.shared.Money;

/** A withdrawal above the money available to the company; nothing moved. */
public class WithdrawalRefused extends RuntimeException {

	private final Money available;

	public WithdrawalRefused(Money requested, Money available) {
		super("Withdrawal of " + requested + " refused: " + available + " available");
		this.available = available;
	}

	public Money available() {
		return available;
	}

}
