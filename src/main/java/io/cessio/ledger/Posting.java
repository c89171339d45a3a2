package io.cessio.ledger;

import java.util.Objects;

import io.cessio.shared.Money;

/** One line of a journal entry: an account, a side and a strictly positive amount. */
public record Posting(AccountRef account, Side side, Money amount) {

	public Posting {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(amount, "amount");
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A posting amount is strictly positive: " + amount);
		}
	}

	public static Posting debit(AccountRef account, Money amount) {
		return new Posting(account, Side.DEBIT, amount);
	}

	public static Posting credit(AccountRef account, Money amount) {
		return new Posting(account, Side.CREDIT, amount);
	}

	/** The effect on the account's debit-minus-credit balance. */
	Money signedAmount() {
		return side == Side.DEBIT ? amount : amount.negate();
	}

}
