package io.cessio.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cessio.banking.Camt053Document.Amount;
import io.cessio.banking.Camt053Document.Balance;
import io.cessio.banking.Camt053Document.Entry;
import io.cessio.banking.Camt053Document.Party;
import io.cessio.banking.Camt053Document.Statement;
import io.cessio.banking.Camt053Document.Totals;
import io.cessio.banking.Camt053Document.Transaction;
import io.cessio.banking.Rejections.AmountProblem;
import io.cessio.banking.Rejections.Control;
import io.cessio.banking.Rejections.Place;
import io.cessio.shared.Iban;

/**
 * Turns a read camt.053 document into {@link AccountStatement}s (DOMAIN.md §5.2): one
 * {@link StatementEntry} per transaction of an entry (one for an entry without details),
 * balances signed by their CdtDbtInd, dates of date-times in Paris. It checks what the
 * bank announced: the closing balance against the booked entries, the {@code TxsSummry}
 * totals against all entries, and each batch against its transactions.
 */
final class Camt053Statements {

	private static final String CURRENCY = "EUR";

	private static final String NOT_PROVIDED = "NOTPROVIDED";

	private int statementRank;

	private int entryRank;

	// the account of the statement being read, for the batch control's message
	private @Nullable Iban account;

	private final Map<String, String> normalisedIbans = new HashMap<>();

	private Camt053Statements() {
	}

	/**
	 * @throws StatementRejected if a statement is incomplete or does not add up
	 */
	static List<AccountStatement> of(Camt053Document document) {
		if (document.messageId() == null) {
			throw Rejections.missingField(Place.STATEMENT, null, "GrpHdr/MsgId", 1);
		}
		if (document.statements().isEmpty()) {
			throw Rejections.missingField(Place.STATEMENT, null, "BkToCstmrStmt/Stmt", 1);
		}
		Camt053Statements reading = new Camt053Statements();
		List<AccountStatement> statements = new ArrayList<>(document.statements().size());
		for (Statement statement : document.statements()) {
			statements.add(reading.statement(statement));
		}
		return statements;
	}

	private AccountStatement statement(Statement statement) {
		statementRank++;
		String id = required(statement.id(), "Stmt/Id");
		Iban iban = iban(required(statement.iban(), "Stmt/Acct/Id/IBAN"));
		account = iban;
		if (statement.currency() != null) {
			requireEuro(Place.STATEMENT, null, statement.currency());
		}
		Balance opening = balance(statement, "OPBD");
		if (opening == null) {
			opening = balance(statement, "PRCD");
		}
		if (opening == null) {
			throw missing(Place.STATEMENT, null, "Stmt/Bal[OPBD]");
		}
		Balance closing = balance(statement, "CLBD");
		if (closing == null) {
			throw missing(Place.STATEMENT, null, "Stmt/Bal[CLBD]");
		}
		BigDecimal openingBalance = signedBalance(opening);
		BigDecimal closingBalance = signedBalance(closing);
		List<StatementEntry> entries = new ArrayList<>(statement.entries().size());
		for (Entry entry : statement.entries()) {
			entryRank++;
			entries.addAll(entries(entry));
		}
		AccountStatement read = new AccountStatement(id, iban, CURRENCY,
				electronicSequence(statement.electronicSequence()), openingBalance, balanceDate(opening),
				closingBalance, balanceDate(closing), entries);
		BalanceControl.requireBalanced(read, null);
		if (statement.totals() != null) {
			checkTotals(statement.totals(), statement.entries(), iban);
		}
		return read;
	}

	private @Nullable Balance balance(Statement statement, String code) {
		for (Balance balance : statement.balances()) {
			if (code.equals(balance.code())) {
				return balance;
			}
		}
		return null;
	}

	private BigDecimal signedBalance(Balance balance) {
		String field = "Stmt/Bal[" + balance.code() + "]";
		BigDecimal amount = amount(balance.amount(), Place.STATEMENT, null, field + "/Amt");
		Boolean credit = required(balance.credit(), field + "/CdtDbtInd");
		return credit ? amount : amount.negate();
	}

	private LocalDate balanceDate(Balance balance) {
		return required(date(balance.date(), balance.dateTime()), "Stmt/Bal[" + balance.code() + "]/Dt");
	}

	private List<StatementEntry> entries(Entry entry) {
		BigDecimal amount = amount(entry.amount(), Place.CAMT_ENTRY, entryRank, "Ntry/Amt");
		boolean credit = entryRequired(entry.credit(), "Ntry/CdtDbtInd");
		EntryStatus status = status(entryRequired(entry.status(), "Ntry/Sts"));
		LocalDate valueDate = date(entry.valueDate(), entry.valueDateTime());
		LocalDate bookingDate = date(entry.bookingDate(), entry.bookingDateTime());
		if (bookingDate == null && status != EntryStatus.BOOKED) {
			// pending and information entries may not be booked yet
			bookingDate = valueDate;
		}
		bookingDate = entryRequired(bookingDate, "Ntry/BookgDt");
		valueDate = (valueDate != null) ? valueDate : bookingDate;
		Details details = new Details(entry, credit, status, bookingDate, valueDate);
		List<Transaction> transactions = entry.transactions();
		if (transactions.isEmpty()) {
			return List.of(details.entryWithoutTransactions(amount));
		}
		List<StatementEntry> read = new ArrayList<>(transactions.size());
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < transactions.size(); i++) {
			Transaction transaction = transactions.get(i);
			BigDecimal transactionAmount = (transaction.amount() == null && transactions.size() == 1) ? amount
					: amount(transaction.amount(), Place.CAMT_ENTRY, entryRank, "Ntry/NtryDtls/TxDtls/Amt");
			StatementEntry one = details.transaction(transaction, i + 1, transactions.size(), transactionAmount);
			total = (one.direction() == details.direction()) ? total.add(one.amount()) : total.subtract(one.amount());
			read.add(one);
		}
		if (total.compareTo(amount) != 0) {
			throw Rejections.unbalanced(Control.BATCH, entryRank, amount, total, Objects.requireNonNull(account));
		}
		return read;
	}

	private void checkTotals(Totals totals, List<Entry> entries, Iban iban) {
		BigDecimal all = BigDecimal.ZERO;
		BigDecimal credits = BigDecimal.ZERO;
		BigDecimal debits = BigDecimal.ZERO;
		for (Entry entry : entries) {
			// amounts and signs were checked when the entries were read
			BigDecimal amount = entry.amount().value();
			all = all.add(amount);
			if (Boolean.TRUE.equals(entry.credit())) {
				credits = credits.add(amount);
			}
			else {
				debits = debits.add(amount);
			}
		}
		checkTotal(totals.sum(), all, iban);
		if (totals.net() != null) {
			checkTotal(Boolean.FALSE.equals(totals.netCredit()) ? totals.net().negate() : totals.net(),
					credits.subtract(debits), iban);
		}
		checkTotal(totals.creditSum(), credits, iban);
		checkTotal(totals.debitSum(), debits, iban);
	}

	private void checkTotal(@Nullable BigDecimal announced, BigDecimal computed, Iban iban) {
		if (announced != null && announced.compareTo(computed) != 0) {
			throw Rejections.unbalanced(Control.TOTALS, null, announced, computed, iban);
		}
	}

	/** A positive euro amount with at most two decimals, scale 2. */
	private BigDecimal amount(@Nullable Amount amount, Place place, @Nullable Integer position, String field) {
		if (amount == null || amount.value() == null) {
			throw missing(place, position, field);
		}
		requireEuro(place, position, required(amount.currency(), field + "/@Ccy"));
		BigDecimal value = amount.value();
		if (value.signum() < 0) {
			throw Rejections.badAmount(place, position, value.toPlainString(), AmountProblem.NEGATIVE);
		}
		if (!Amounts.hasCents(value)) {
			throw Rejections.badAmount(place, position, value.toPlainString(), AmountProblem.SUB_CENT);
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static void requireEuro(Place place, @Nullable Integer position, String currency) {
		if (!CURRENCY.equals(currency)) {
			throw Rejections.unsupportedCurrency(place, position, currency);
		}
	}

	private Iban iban(String written) {
		if (!Iban.isValid(written)) {
			throw Rejections.unknownAccount(written);
		}
		return Iban.of(written);
	}

	private static EntryStatus status(String code) {
		return switch (code) {
			case "BOOK" -> EntryStatus.BOOKED;
			case "PDNG", "FUTR" -> EntryStatus.PENDING;
			// INFO, and codes added after .001.08, move no money
			default -> EntryStatus.INFO;
		};
	}

	private static @Nullable LocalDate date(@Nullable LocalDate date, @Nullable OffsetDateTime dateTime) {
		if (date != null) {
			return date;
		}
		return (dateTime != null) ? ParisDateTimes.parisDate(dateTime) : null;
	}

	private static @Nullable Long electronicSequence(@Nullable BigDecimal number) {
		try {
			return (number != null) ? number.longValueExact() : null;
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	private <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw missing(Place.STATEMENT, null, field);
		}
		return value;
	}

	private <T> T entryRequired(@Nullable T value, String field) {
		if (value == null) {
			throw missing(Place.CAMT_ENTRY, entryRank, field);
		}
		return value;
	}

	private StatementRejected missing(Place place, @Nullable Integer position, String field) {
		return Rejections.missingField(place, position, field, statementRank);
	}

	/** A valid IBAN without spaces, else as written; payers come back, so kept. */
	private @Nullable String normalisedIban(@Nullable String iban) {
		if (iban == null) {
			return null;
		}
		return normalisedIbans.computeIfAbsent(iban,
				(written) -> Iban.isValid(written) ? Iban.of(written).value() : written);
	}

	private static String joined(List<String> lines, @Nullable String transactionInformation,
			@Nullable String entryInformation) {
		List<String> parts = new ArrayList<>(lines.size() + 2);
		for (String line : lines) {
			addPart(parts, line);
		}
		addPart(parts, transactionInformation);
		addPart(parts, entryInformation);
		return String.join(" ", parts);
	}

	private static void addPart(List<String> parts, @Nullable String text) {
		if (text != null && !text.isBlank()) {
			parts.add(Texts.singleSpaced(text));
		}
	}

	/** What an entry's transactions share: the entry's own fields. */
	private final class Details {

		private final Entry entry;

		private final boolean credit;

		private final EntryStatus status;

		private final LocalDate bookingDate;

		private final LocalDate valueDate;

		Details(Entry entry, boolean credit, EntryStatus status, LocalDate bookingDate, LocalDate valueDate) {
			this.entry = entry;
			this.credit = credit;
			this.status = status;
			this.bookingDate = bookingDate;
			this.valueDate = valueDate;
		}

		EntryDirection direction() {
			return credit ? EntryDirection.CREDIT : EntryDirection.DEBIT;
		}

		StatementEntry entryWithoutTransactions(BigDecimal amount) {
			return new StatementEntry(entryRank, amount, direction(), entry.reversal(), status, bookingDate, valueDate,
					entry.bankReference(), null, null, null, null, null, List.of(),
					joined(List.of(), null, entry.additionalInformation()), entry.bankTransactionCode(), null);
		}

		/**
		 * @param rank the transaction's rank in the entry, from 1
		 */
		StatementEntry transaction(Transaction transaction, int rank, int count, BigDecimal amount) {
			EntryDirection direction = (transaction.credit() == null) ? direction()
					: transaction.credit() ? EntryDirection.CREDIT : EntryDirection.DEBIT;
			Party counterpart = (direction == EntryDirection.CREDIT) ? transaction.debtor() : transaction.creditor();
			String reference = transaction.bankReference();
			if (reference == null && entry.bankReference() != null) {
				reference = (count > 1) ? entry.bankReference() + "/" + rank : entry.bankReference();
			}
			String endToEndId = NOT_PROVIDED.equals(transaction.endToEndId()) ? null : transaction.endToEndId();
			String code = (transaction.bankTransactionCode() != null) ? transaction.bankTransactionCode()
					: entry.bankTransactionCode();
			return new StatementEntry(entryRank, amount, direction, entry.reversal(), status, bookingDate, valueDate,
					reference, endToEndId, (counterpart != null) ? counterpart.name() : null,
					(counterpart != null) ? normalisedIban(counterpart.iban()) : null,
					(counterpart != null) ? counterpart.organisationId() : null, transaction.creditorReference(),
					transaction.referredDocuments(), joined(transaction.unstructured(),
							transaction.additionalInformation(), entry.additionalInformation()),
					code, transaction.returnReason());
		}

	}

}
