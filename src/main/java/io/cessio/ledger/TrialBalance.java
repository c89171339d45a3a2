package io.cessio.ledger;

import java.time.LocalDate;
import java.util.List;

import io.cessio.shared.Money;

/**
 * Every account's debit-minus-credit balance at a date; their total is zero when the
 * books are sound.
 */
public record TrialBalance(LocalDate asOf, List<Line> lines, Money total) {

	public boolean isBalanced() {
		return total.isZero();
	}

	/** One account's balance, debit positive. */
	public record Line(AccountRef account, AccountType type, Money debitMinusCredit) {
	}

}
