package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.cessio.Acting;
import io.cessio.banking.DedicatedAccountView;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.StatementFiles;
import io.cessio.banking.StatementFiles.Movement;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;

/**
 * camt.053.001.08 statements of a client's dedicated account for scenario tests, imported
 * through {@link Statements#importFile}: the day's movements, the opening balance taken
 * from the account as it stands (Cessio's own transfers, already booked, are in it).
 */
@Component
class StatementScenario {

	private final Statements statements;

	private final DedicatedAccounts accounts;

	private final Acting acting;

	StatementScenario(Statements statements, DedicatedAccounts accounts, InvoiceFixtures fixtures) {
		this.statements = statements;
		this.accounts = accounts;
		this.acting = fixtures.acting();
	}

	/** A line of the statement, and whether Cessio has already booked it. */
	record Line(Movement movement, boolean alreadyBooked) {
	}

	/** A debtor's transfer with its remittance text. */
	static Line receipt(String amount, LocalDate valueDate, String payer, String text) {
		return new Line(credit(amount, valueDate).payer(payer, null).remittance(text), false);
	}

	/** A debtor's transfer carrying the invoice's RF creditor reference. */
	static Line receiptWithReference(String amount, LocalDate valueDate, String payer, String reference) {
		return new Line(credit(amount, valueDate).payer(payer, null).creditorReference(reference), false);
	}

	/** Cessio's own payout, found again on the statement. */
	static Line ownPayout(LocalDate valueDate, String amount, String endToEndId) {
		return new Line(credit(amount, valueDate).payer("CESSIO FACTOR SA", null)
			.endToEndId(endToEndId)
			.remittance("FINANCEMENT"), true);
	}

	ImportOutcome importStatement(String ops, Client client, LocalDate day, Line... lines) {
		return acting.as(ops,
				() -> statements.importFile("releve-" + day + ".xml", build(client, day, lines), ImportSource.UPLOAD));
	}

	/** The statement as the bank would send it, read as {@code ops}, for uploads. */
	byte[] camt053(String ops, Client client, LocalDate day, Line... lines) {
		return acting.as(ops, () -> build(client, day, lines));
	}

	private byte[] build(Client client, LocalDate day, Line... lines) {
		DedicatedAccountView account = accounts.of(client.company());
		BigDecimal opening = accounts.balance(client.company()).total().amount();
		for (Line line : lines) {
			if (line.alreadyBooked()) {
				opening = opening.subtract(line.movement().signedAmount());
			}
		}
		StatementFiles.Builder statement = StatementFiles.aStatement(account.iban().value())
			.opening(opening.toPlainString(), day)
			.statementId("STMT-" + day + "-" + UUID.randomUUID().toString().substring(0, 8));
		for (Line line : lines) {
			if (line.movement().signedAmount().signum() >= 0) {
				statement.credit(line.movement());
			}
			else {
				statement.debit(line.movement());
			}
		}
		return StatementFiles.camt053v08("MSG-" + UUID.randomUUID().toString().substring(0, 20), statement);
	}

	private static Movement credit(String amount, LocalDate valueDate) {
		return StatementFiles.credit(amount)
			.bookedOn(valueDate)
			.valueDate(valueDate)
			.bankReference("BANKREF-" + UUID.randomUUID().toString().substring(0, 12));
	}

}
