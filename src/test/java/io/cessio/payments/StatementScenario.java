package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.cessio.Acting;
import io.cessio.banking.AccountStatement;
import io.cessio.banking.DedicatedAccountView;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.EntryDirection;
import io.cessio.banking.EntryStatus;
import io.cessio.banking.StatementEntry;
import io.cessio.banking.StatementFile;
import io.cessio.banking.StatementFormat;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;

/**
 * Statements of a client's dedicated account for scenario tests: the day's entries, the
 * opening balance taken from the account as it stands.
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

	/** A debtor's transfer with its remittance text. */
	static StatementEntry receipt(String amount, LocalDate valueDate, String payer, String text) {
		return entry(amount, EntryDirection.CREDIT, valueDate, null, payer, null, text);
	}

	/** A debtor's transfer carrying the invoice's RF creditor reference. */
	static StatementEntry receiptWithReference(String amount, LocalDate valueDate, String payer, String reference) {
		return entry(amount, EntryDirection.CREDIT, valueDate, null, payer, reference, "");
	}

	/** Cessio's own payout, found again on the statement. */
	static StatementEntry ownPayout(LocalDate valueDate, String amount, String endToEndId) {
		return entry(amount, EntryDirection.CREDIT, valueDate, endToEndId, "FACTOR", null, "FINANCEMENT");
	}

	ImportOutcome importStatement(String ops, Client client, LocalDate day, StatementEntry... entries) {
		return acting.as(ops, () -> {
			DedicatedAccountView account = accounts.of(client.company());
			BigDecimal closing = accounts.balance(client.company()).total().amount();
			BigDecimal opening = closing;
			for (StatementEntry entry : entries) {
				if (entry.endToEndId() == null) {
					closing = closing.add(entry.signedAmount());
				}
				else {
					opening = opening.subtract(entry.signedAmount());
				}
			}
			StatementFile file = new StatementFile(StatementFormat.CAMT_053_001_08, "MSG-" + UUID.randomUUID(),
					List.of(new AccountStatement("STMT-" + day, account.iban(), "EUR", null, opening, day, closing, day,
							Arrays.asList(entries))));
			return statements.importRead("releve-" + day + ".xml", UUID.randomUUID().toString(), file,
					ImportSource.UPLOAD);
		});
	}

	private static StatementEntry entry(String amount, EntryDirection direction, LocalDate valueDate, String endToEndId,
			String payer, String reference, String text) {
		return new StatementEntry(1, new BigDecimal(amount), direction, false, EntryStatus.BOOKED, valueDate, valueDate,
				"BANKREF-" + UUID.randomUUID().toString().substring(0, 12), endToEndId, payer, null, null, reference,
				List.of(), text, "PMNT/RCDT/ESCT", null);
	}

}
