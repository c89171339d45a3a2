package io.cessio.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.Iban;

/**
 * One account's statement for a period: signed balances (negative = overdrawn) and the
 * entries in the bank's order. The parsers have already checked that opening balance +
 * credits − debits of the booked entries = closing balance.
 *
 * @param statementId camt.053 {@code Stmt/Id}; for CFONB 120 the account and the dates
 * @param electronicSequence camt.053 {@code Stmt/ElctrncSeqNb}, if given
 */
public record AccountStatement(String statementId, Iban iban, String currency, @Nullable Long electronicSequence,
		BigDecimal openingBalance, LocalDate openingDate, BigDecimal closingBalance, LocalDate closingDate,
		List<StatementEntry> entries) {

	public AccountStatement {
		Objects.requireNonNull(statementId);
		Objects.requireNonNull(iban);
		Objects.requireNonNull(currency);
		Objects.requireNonNull(openingBalance);
		Objects.requireNonNull(openingDate);
		Objects.requireNonNull(closingBalance);
		Objects.requireNonNull(closingDate);
		entries = List.copyOf(entries);
	}

}
