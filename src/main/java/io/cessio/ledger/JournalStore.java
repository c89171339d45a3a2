package io.cessio.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.cessio.shared.Money;

/**
 * Writes entries with plain SQL: the posting path is the hottest in the application, so
 * it avoids the entity manager. Accounts are locked in id order, which keeps concurrent
 * postings free of deadlocks.
 */
@Repository
class JournalStore {

	/** Entries, or postings, per statement in {@link #postAll}. */
	private static final int BATCH = 2_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final AccountIds accountIds;

	JournalStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AccountIds accountIds) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.accountIds = accountIds;
	}

	/**
	 * Posts the entry, or returns the id of the identical entry already posted under its
	 * key.
	 */
	long post(JournalEntry entry, Instant recordedAt) {
		Optional<Long> inserted = jdbc.sql("""
				insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description,
				                           reverses_entry_id)
				values (?, ?, ?, ?, ?, ?)
				on conflict (source_type, source_ref) do nothing
				returning id""")
			.params(entry.sourceType(), entry.sourceRef(), Date.valueOf(entry.effectiveDate()),
					Timestamp.from(recordedAt), entry.description(), entry.reversesEntryId())
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			return alreadyPosted(entry);
		}
		long entryId = inserted.get();
		Map<Long, AccountRef> accounts = new TreeMap<>();
		Map<Long, BigDecimal> deltas = new TreeMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (Posting posting : entry.postings()) {
			long accountId = this.accountIds.of(posting.account(), posting.amount().currency(), recordedAt);
			accounts.put(accountId, posting.account());
			deltas.merge(accountId, posting.signedAmount().amount(), BigDecimal::add);
			rows.add(new Object[] { entryId, accountId, posting.side().column(), posting.amount().amount(),
					posting.amount().currency().getCurrencyCode() });
		}
		// postings first: the account rows (one may be a busy dedicated account) are
		// locked only
		// for the check and the balance update, as briefly as the transaction allows
		jdbcTemplate.batchUpdate(
				"insert into posting (entry_id, account_id, side, amount, currency) values (?, ?, ?, ?, ?)", rows);
		checkNeverNegative(lockInIdOrder(deltas.keySet()), deltas, accounts, entry);
		List<Object[]> updates = deltas.entrySet()
			.stream()
			.filter(delta -> delta.getValue().signum() != 0)
			.map(delta -> new Object[] { delta.getValue(), delta.getKey() })
			.toList();
		jdbcTemplate.batchUpdate("update ledger_account set balance = balance + ?, version = version + 1 where id = ?",
				updates);
		return entryId;
	}

	/**
	 * Posts the entries as {@link #post} would one after the other, in a few statements:
	 * the entries, then their postings, then each touched account locked once (id order)
	 * and its balance updated once. Returns the ids in the entries' order.
	 */
	List<Long> postAll(List<JournalEntry> entries, Instant recordedAt) {
		List<Long> ids = new ArrayList<>(entries.size());
		for (int from = 0; from < entries.size(); from += BATCH) {
			ids.addAll(insertEntries(entries.subList(from, Math.min(entries.size(), from + BATCH)), recordedAt));
		}
		Map<Currency, Map<AccountRef, Long>> idsByCurrency = accountIdsOf(entries, ids, recordedAt);
		Map<Long, AccountRef> accounts = new TreeMap<>();
		List<Map<Long, BigDecimal>> deltasOfEntry = new ArrayList<>(entries.size());
		List<PostingRow> rows = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			JournalEntry entry = entries.get(i);
			Long entryId = ids.get(i);
			Map<Long, BigDecimal> deltas = new TreeMap<>();
			if (entryId != null) {
				for (Posting posting : entry.postings()) {
					long accountId = idsByCurrency.get(posting.amount().currency()).get(posting.account());
					accounts.put(accountId, posting.account());
					deltas.merge(accountId, posting.signedAmount().amount(), BigDecimal::add);
					rows.add(new PostingRow(entryId, accountId, posting));
				}
			}
			deltasOfEntry.add(deltas);
		}
		for (int from = 0; from < rows.size(); from += BATCH) {
			insertPostings(rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
		// keys posted before, or twice in the list: the entry already there, if identical
		for (int i = 0; i < entries.size(); i++) {
			if (ids.get(i) == null) {
				ids.set(i, alreadyPosted(entries.get(i)));
			}
		}
		if (accounts.isEmpty()) {
			return ids;
		}
		Map<Long, BigDecimal> balances = lockInIdOrder(accounts.keySet());
		Map<Long, BigDecimal> totals = new TreeMap<>();
		for (int i = 0; i < entries.size(); i++) {
			// entry by entry, as posting them one after the other would check
			checkNeverNegative(balances, deltasOfEntry.get(i), accounts, entries.get(i));
			deltasOfEntry.get(i).forEach((accountId, delta) -> {
				balances.merge(accountId, delta, BigDecimal::add);
				totals.merge(accountId, delta, BigDecimal::add);
			});
		}
		List<Object[]> updates = totals.entrySet()
			.stream()
			.filter(total -> total.getValue().signum() != 0)
			.map(total -> new Object[] { total.getValue(), total.getKey() })
			.toList();
		jdbcTemplate.batchUpdate("update ledger_account set balance = balance + ?, version = version + 1 where id = ?",
				updates);
		return ids;
	}

	/**
	 * Inserts the entries whose key is new; the id of each, null where the key was taken
	 * (before, or by an earlier entry of the list).
	 */
	private List<Long> insertEntries(List<JournalEntry> entries, Instant recordedAt) {
		Map<EntryKey, Long> inserted = new HashMap<>();
		jdbcTemplate.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description,
					                           reverses_entry_id)
					select source_type, source_ref, effective_date, ?, description, reverses_entry_id
					from unnest(?::varchar[], ?::varchar[], ?::date[], ?::varchar[], ?::bigint[]) with ordinality
					     as e(source_type, source_ref, effective_date, description, reverses_entry_id, n)
					order by n
					on conflict (source_type, source_ref) do nothing
					returning id, source_type, source_ref""");
			statement.setTimestamp(1, Timestamp.from(recordedAt));
			statement.setArray(2,
					connection.createArrayOf("varchar", entries.stream().map(JournalEntry::sourceType).toArray()));
			statement.setArray(3,
					connection.createArrayOf("varchar", entries.stream().map(JournalEntry::sourceRef).toArray()));
			statement.setArray(4, connection.createArrayOf("date",
					entries.stream().map(entry -> Date.valueOf(entry.effectiveDate())).toArray()));
			statement.setArray(5,
					connection.createArrayOf("varchar", entries.stream().map(JournalEntry::description).toArray()));
			statement.setArray(6,
					connection.createArrayOf("bigint", entries.stream().map(JournalEntry::reversesEntryId).toArray()));
			return statement;
		}, rs -> {
			inserted.put(new EntryKey(rs.getString("source_type"), rs.getString("source_ref")), rs.getLong("id"));
		});
		List<Long> ids = new ArrayList<>(entries.size());
		for (JournalEntry entry : entries) {
			// the first entry of a key takes the id; a second one of the list is a replay
			ids.add(inserted.remove(new EntryKey(entry.sourceType(), entry.sourceRef())));
		}
		return ids;
	}

	private record EntryKey(String sourceType, String sourceRef) {
	}

	private record PostingRow(long entryId, long accountId, Posting posting) {
	}

	private void insertPostings(List<PostingRow> rows) {
		jdbcTemplate.update(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into posting (entry_id, account_id, side, amount, currency)
					select entry_id, account_id, side, amount, currency
					from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::numeric[], ?::varchar[]) with ordinality
					     as p(entry_id, account_id, side, amount, currency, n)
					order by n""");
			statement.setArray(1, connection.createArrayOf("bigint", rows.stream().map(PostingRow::entryId).toArray()));
			statement.setArray(2,
					connection.createArrayOf("bigint", rows.stream().map(PostingRow::accountId).toArray()));
			statement.setArray(3, connection.createArrayOf("varchar",
					rows.stream().map(row -> row.posting().side().column()).toArray()));
			statement.setArray(4, connection.createArrayOf("numeric",
					rows.stream().map(row -> row.posting().amount().amount()).toArray()));
			statement.setArray(5, connection.createArrayOf("varchar",
					rows.stream().map(row -> row.posting().amount().currency().getCurrencyCode()).toArray()));
			return statement;
		});
	}

	private long alreadyPosted(JournalEntry entry) {
		long existingId = jdbc.sql("select id from journal_entry where source_type = ? and source_ref = ?")
			.params(entry.sourceType(), entry.sourceRef())
			.query(Long.class)
			.single();
		Map<String, BigDecimal> existing = jdbc.sql("""
				select a.code, a.counterparty, p.side, p.currency, sum(p.amount) as amount
				from posting p join ledger_account a on a.id = p.account_id
				where p.entry_id = ? group by a.code, a.counterparty, p.side, p.currency""")
			.param(existingId)
			.query((rs,
					n) -> Map.entry(rs.getString("code") + "/" + rs.getString("counterparty") + "/"
							+ rs.getString("side") + "/" + rs.getString("currency"), rs.getBigDecimal("amount")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, BigDecimal> requested = new HashMap<>();
		for (Posting posting : entry.postings()) {
			requested.merge(
					posting.account().code() + "/" + posting.account().counterparty() + "/" + posting.side().column()
							+ "/" + posting.amount().currency().getCurrencyCode(),
					posting.amount().amount(), BigDecimal::add);
		}
		if (existing.size() != requested.size() || !requested.entrySet()
			.stream()
			.allMatch(r -> existing.containsKey(r.getKey()) && existing.get(r.getKey()).compareTo(r.getValue()) == 0)) {
			throw new IdempotencyConflict(entry.sourceType(), entry.sourceRef());
		}
		return existingId;
	}

	/** The ids of the accounts the entries to write (those with an id) post to. */
	private Map<Currency, Map<AccountRef, Long>> accountIdsOf(List<JournalEntry> entries, List<Long> ids, Instant now) {
		Map<Currency, Set<AccountRef>> accounts = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			if (ids.get(i) != null) {
				entries.get(i)
					.postings()
					.forEach(
							posting -> accounts.computeIfAbsent(posting.amount().currency(), c -> new LinkedHashSet<>())
								.add(posting.account()));
			}
		}
		Map<Currency, Map<AccountRef, Long>> byCurrency = new HashMap<>();
		accounts.forEach((currency, refs) -> byCurrency.put(currency, this.accountIds.of(refs, currency, now)));
		return byCurrency;
	}

	/**
	 * Locks the accounts (opening the missing ones) in id order until the transaction
	 * ends; their cached balances, debit minus credit.
	 */
	Map<AccountRef, BigDecimal> lock(Collection<AccountRef> accounts, Currency currency, Instant now) {
		Map<AccountRef, Long> ids = this.accountIds.of(accounts, currency, now);
		Map<Long, BigDecimal> balances = lockInIdOrder(new HashSet<>(ids.values()));
		Map<AccountRef, BigDecimal> locked = new LinkedHashMap<>();
		ids.forEach((account, id) -> locked.put(account, balances.get(id)));
		return locked;
	}

	/**
	 * Current cached balances (debit minus credit), rows locked until the transaction
	 * ends.
	 */
	private Map<Long, BigDecimal> lockInIdOrder(Set<Long> ids) {
		Long[] sorted = ids.stream().sorted(Comparator.naturalOrder()).toArray(Long[]::new);
		Map<Long, BigDecimal> balances = new HashMap<>();
		jdbcTemplate.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(
					"select id, balance from ledger_account where id = any(?) order by id for no key update");
			statement.setArray(1, connection.createArrayOf("bigint", sorted));
			return statement;
		}, rs -> {
			balances.put(rs.getLong("id"), rs.getBigDecimal("balance"));
		});
		if (balances.size() != sorted.length) {
			throw new IllegalStateException("Ledger accounts missing: " + ids + " found " + balances.keySet());
		}
		return balances;
	}

	private static void checkNeverNegative(Map<Long, BigDecimal> balances, Map<Long, BigDecimal> deltas,
			Map<Long, AccountRef> accounts, JournalEntry entry) {
		deltas.forEach((id, delta) -> {
			AccountRef account = accounts.get(id);
			if (!account.code().isNeverNegative()) {
				return;
			}
			BigDecimal after = balances.get(id).add(delta);
			boolean negative = account.code().type().isDebitNormal() ? after.signum() < 0 : after.signum() > 0;
			if (negative) {
				BigDecimal normal = account.code().type().isDebitNormal() ? balances.get(id)
						: balances.get(id).negate();
				BigDecimal requested = account.code().type().isDebitNormal() ? delta.negate() : delta;
				String currency = entry.postings().get(0).amount().currency().getCurrencyCode();
				throw new InsufficientBalance(account, Money.of(normal, Currency.getInstance(currency)),
						Money.of(requested, Currency.getInstance(currency)));
			}
		});
	}

}
