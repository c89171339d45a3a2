package io.cessio.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.shared.Money;

/**
 * The books. {@link #post} records a balanced entry exactly once per source key, in the
 * caller's transaction, so that a business change and its money movement commit together.
 * Balances are read from postings (as of a business date) or from the per-account cache,
 * which is kept in step under a row lock and checked by {@link #invariantViolations()}.
 *
 * <p>
 * The ledger does not check roles: it is called by the facades of other modules, which
 * do.
 */
@Service
@Transactional
public class Ledger {

	private final JournalStore store;

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JournalStore store, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Posts a balanced entry and returns its id. Posting the same source key again with
	 * the same postings returns the first entry's id and posts nothing.
	 * @throws InsufficientBalance if an account that may not go negative would
	 * @throws IdempotencyConflict if the key was used for different postings
	 */
	public long post(JournalEntry entry) {
		return store.post(entry, clock.instant());
	}

	/**
	 * Posts the entries as {@link #post} would one after the other, and returns their ids
	 * in the same order; for batches (a statement's receipts, a lettrage's collections).
	 * The entries and their postings go in a few statements, each account they touch is
	 * locked once, in id order, and its cached balance updated once. An entry whose key
	 * was posted before, or earlier in the list, with the same postings gets that entry's
	 * id and posts nothing.
	 * @throws InsufficientBalance if an account that may not go negative would, at any
	 * entry taken in list order; the caller's transaction must then roll back (it is
	 * marked so)
	 * @throws IdempotencyConflict if a key was used for different postings
	 */
	public List<Long> postAll(List<JournalEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		return store.postAll(entries, clock.instant());
	}

	/**
	 * Locks these EUR accounts, in id order, until the caller's transaction ends, and
	 * returns their balances on their normal side (zero for an account never used). A
	 * batch job locks everything it will move first, decides the amounts from what it
	 * read, then posts with {@link #postAll}: nobody can change those balances meanwhile,
	 * and taking every lock in one ordered statement keeps it free of deadlocks with
	 * other postings.
	 */
	public Map<AccountRef, Money> lockBalances(Collection<AccountRef> accounts) {
		Map<AccountRef, Money> balances = new LinkedHashMap<>();
		store.lock(accounts, Money.EUR, clock.instant())
			.forEach((account, debitMinusCredit) -> balances.put(account,
					normal(account.code().type(), debitMinusCredit)));
		return balances;
	}

	/**
	 * Posts the entry that cancels an earlier one, linked to it; an entry is reversed at
	 * most once.
	 */
	public long reverse(long entryId, LocalDate date, String reason) {
		List<Posting> postings = jdbc.sql("""
				select a.code, a.counterparty, p.side, p.amount, p.currency
				from posting p join ledger_account a on a.id = p.account_id where p.entry_id = ? order by p.id""")
			.param(entryId)
			.query((rs, n) -> new Posting(
					new AccountRef(AccountCode.valueOf(rs.getString("code")), rs.getString("counterparty")),
					Side.fromColumn(rs.getString("side")),
					Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency")))))
			.list();
		if (postings.isEmpty()) {
			throw new IllegalArgumentException("No journal entry " + entryId);
		}
		JournalEntry original = new JournalEntry("ORIGINAL", String.valueOf(entryId), date, "", postings);
		return store.post(original.reversal(entryId, date, reason), clock.instant());
	}

	/**
	 * The account's balance on its normal side, counting entries effective up to
	 * {@code asOf}.
	 */
	@Transactional(readOnly = true)
	public Money balance(AccountRef account, LocalDate asOf) {
		BigDecimal debitMinusCredit = jdbc.sql("""
				select coalesce(sum(case p.side when 'D' then p.amount else -p.amount end), 0)
				from posting p
				join ledger_account a on a.id = p.account_id
				join journal_entry e on e.id = p.entry_id
				where a.code = ? and a.counterparty = ? and a.currency = 'EUR' and e.effective_date <= ?""")
			.params(account.code().name(), account.counterparty(), Date.valueOf(asOf))
			.query(BigDecimal.class)
			.single();
		return normal(account.code().type(), debitMinusCredit);
	}

	/** The account's balance now, on its normal side, from the cache. */
	@Transactional(readOnly = true)
	public Money currentBalance(AccountRef account) {
		BigDecimal debitMinusCredit = jdbc
			.sql("select balance from ledger_account where code = ? and counterparty = ? and currency = 'EUR'")
			.params(account.code().name(), account.counterparty())
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
		return normal(account.code().type(), debitMinusCredit);
	}

	/**
	 * Funds in use for a company (DOMAIN.md §3.2): what the factor has advanced and
	 * charged, less what was collected — the receivables not covered by the current
	 * account.
	 */
	@Transactional(readOnly = true)
	public Money fundsInUse(String company, LocalDate asOf) {
		return balance(AccountRef.of(AccountCode.RECEIVABLES, company), asOf)
			.minus(balance(AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT, company), asOf));
	}

	/**
	 * Funds in use at the end of a day for the financing charge: after the day's events
	 * but before a financing charge booked that day, which counts from the next day
	 * (DOMAIN.md "Product decisions").
	 */
	@Transactional(readOnly = true)
	public Money endOfDayFundsInUse(String company, LocalDate day) {
		BigDecimal chargedThatDay = jdbc.sql("""
				select coalesce(sum(p.amount), 0) from posting p
				join journal_entry e on e.id = p.entry_id join ledger_account a on a.id = p.account_id
				where e.source_type = 'FINANCING_CHARGE' and e.effective_date = ? and p.side = 'D'
				  and a.code = 'CLIENT_CURRENT_ACCOUNT' and a.counterparty = ?""")
			.params(Date.valueOf(day), company)
			.query(BigDecimal.class)
			.single();
		return fundsInUse(company, day).minus(Money.eur(chargedThatDay));
	}

	/**
	 * The counterparties that have an account of this code (for example every financed
	 * company).
	 */
	@Transactional(readOnly = true)
	public List<String> counterpartiesWith(AccountCode code) {
		return jdbc.sql("select distinct counterparty from ledger_account where code = ? order by counterparty")
			.param(code.name())
			.query(String.class)
			.list();
	}

	/** The business date of the account's first movement, if it has any. */
	@Transactional(readOnly = true)
	public java.util.Optional<LocalDate> firstMovement(AccountRef account) {
		return jdbc.sql("""
				select min(e.effective_date) from posting p
				join journal_entry e on e.id = p.entry_id join ledger_account a on a.id = p.account_id
				where a.code = ? and a.counterparty = ?""")
			.params(account.code().name(), account.counterparty())
			.query(Date.class)
			.optional()
			.map(Date::toLocalDate);
	}

	/**
	 * Every account's balance at a date, and their total (zero when the books are sound).
	 */
	@Transactional(readOnly = true)
	public TrialBalance trialBalance(LocalDate asOf) {
		List<TrialBalance.Line> lines = jdbc.sql("""
				select a.code, a.counterparty, a.type,
				       coalesce(sum(case p.side when 'D' then p.amount else -p.amount end), 0) as balance
				from ledger_account a
				left join posting p on p.account_id = a.id
				     and p.entry_id in (select id from journal_entry where effective_date <= ?)
				where a.currency = 'EUR'
				group by a.id, a.code, a.counterparty, a.type
				order by a.code, a.counterparty""")
			.param(Date.valueOf(asOf))
			.query((rs, n) -> new TrialBalance.Line(
					new AccountRef(AccountCode.valueOf(rs.getString("code")), rs.getString("counterparty")),
					AccountType.valueOf(rs.getString("type")), Money.eur(rs.getBigDecimal("balance"))))
			.list();
		Money total = lines.stream()
			.map(TrialBalance.Line::debitMinusCredit)
			.reduce(Money.zero(Money.EUR), Money::plus);
		return new TrialBalance(asOf, lines, total);
	}

	/**
	 * The account's movements, newest first, each with the balance after it (normal
	 * side).
	 */
	@Transactional(readOnly = true)
	public Page<StatementLine> statement(AccountRef account, Pageable pageable) {
		AccountType type = account.code().type();
		long total = jdbc.sql("""
				select count(*) from posting p join ledger_account a on a.id = p.account_id
				where a.code = ? and a.counterparty = ?""")
			.params(account.code().name(), account.counterparty())
			.query(Long.class)
			.single();
		List<StatementLine> lines = jdbc.sql("""
				select * from (
				  select e.id as entry_id, e.effective_date, e.recorded_at, e.source_type, e.source_ref, e.description,
				         case p.side when 'D' then p.amount else -p.amount end as signed_amount,
				         sum(case p.side when 'D' then p.amount else -p.amount end)
				             over (order by e.effective_date, e.id, p.id) as running,
				         p.id as posting_id
				  from posting p
				  join ledger_account a on a.id = p.account_id
				  join journal_entry e on e.id = p.entry_id
				  where a.code = ? and a.counterparty = ?) movements
				order by effective_date desc, entry_id desc, posting_id desc
				limit ? offset ?""")
			.params(account.code().name(), account.counterparty(), pageable.getPageSize(), pageable.getOffset())
			.query((rs, n) -> new StatementLine(rs.getLong("entry_id"), rs.getDate("effective_date").toLocalDate(),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("source_type"), rs.getString("source_ref"),
					rs.getString("description"), normal(type, rs.getBigDecimal("signed_amount")),
					normal(type, rs.getBigDecimal("running"))))
			.list();
		return new PageImpl<>(lines, pageable, total);
	}

	/**
	 * What is wrong with the books; empty when every invariant holds (docs/ledger.md).
	 */
	@Transactional(readOnly = true)
	public List<InvariantViolation> invariantViolations() {
		return jdbc.sql("select kind, ref, amount from ledger_invariant_violation")
			.query((rs, n) -> new InvariantViolation(rs.getString("kind"), rs.getString("ref"),
					rs.getBigDecimal("amount")))
			.list();
	}

	private static Money normal(AccountType type, BigDecimal debitMinusCredit) {
		return Money.eur(type.isDebitNormal() ? debitMinusCredit : debitMinusCredit.negate());
	}

}
