package io.cessio.banking;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.cessio.banking.Rejections.Control;

/**
 * The first control on any statement (DOMAIN.md §5.5): opening balance + booked credits −
 * booked debits = closing balance. Pending and information entries move no money.
 */
final class BalanceControl {

	private BalanceControl() {
	}

	/**
	 * @param position where the closing balance is written (CFONB line of the 07), if
	 * known
	 * @throws StatementRejected UNBALANCED with the closing balance announced and the one
	 * computed
	 */
	static void requireBalanced(AccountStatement statement, @Nullable Integer position) {
		BigDecimal computed = statement.openingBalance().add(bookedMovements(statement));
		if (computed.compareTo(statement.closingBalance()) != 0) {
			throw Rejections.unbalanced(Control.CLOSING_BALANCE, position, statement.closingBalance(), computed,
					statement.iban());
		}
	}

	/** Booked credits − booked debits. */
	static BigDecimal bookedMovements(AccountStatement statement) {
		BigDecimal sum = BigDecimal.ZERO;
		for (StatementEntry entry : statement.entries()) {
			if (entry.status() == EntryStatus.BOOKED) {
				sum = sum.add(entry.signedAmount());
			}
		}
		return sum;
	}

}
