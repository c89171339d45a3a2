package io.cessio.ledger;

import io.cessio.shared.Money;

/**
 * The entry would take an account that may never be negative below zero; nothing was
 * posted.
 */
public class InsufficientBalance extends RuntimeException {

	private final AccountRef account;

	private final Money available;

	public InsufficientBalance(AccountRef account, Money available, Money requested) {
		super(account + " holds " + available + "; " + requested + " requested");
		this.account = account;
		this.available = available;
		this.requested = requested;
	}

	private final Money requested;

	public AccountRef account() {
		return account;
	}

	public Money available() {
		return available;
	}

	public Money requested() {
		return requested;
	}

}
