package io.cessio.ledger;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ids of ledger accounts, opening the missing ones. An account is opened in a
 * transaction of its own (and nowhere else): an empty account is harmless, and once
 * committed its id is visible to every transaction, whatever becomes of the posting under
 * way. So every account row a query finds is committed, and its id, which never changes,
 * can be remembered (a cache, not a lock).
 */
@Component
class AccountIds {

	private final Map<String, Long> known = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate ownTransaction;

	AccountIds(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The accounts' ids in this currency: remembered ones, then one query for the others,
	 * then the still missing ones opened one by one.
	 */
	Map<AccountRef, Long> of(Collection<AccountRef> accounts, Currency currency, Instant now) {
		Map<AccountRef, Long> ids = new LinkedHashMap<>();
		List<AccountRef> unknown = new ArrayList<>();
		for (AccountRef account : accounts) {
			Long id = this.known.get(key(account, currency));
			if (id != null) {
				ids.put(account, id);
			}
			else if (!unknown.contains(account)) {
				unknown.add(account);
			}
		}
		if (unknown.isEmpty()) {
			return ids;
		}
		lookUp(unknown, currency).forEach((account, id) -> {
			this.known.put(key(account, currency), id);
			ids.put(account, id);
		});
		for (AccountRef account : unknown) {
			if (!ids.containsKey(account)) {
				long id = open(account, currency, now);
				this.known.put(key(account, currency), id);
				ids.put(account, id);
			}
		}
		return ids;
	}

	long of(AccountRef account, Currency currency, Instant now) {
		return of(List.of(account), currency, now).get(account);
	}

	private Map<AccountRef, Long> lookUp(List<AccountRef> accounts, Currency currency) {
		Map<String, AccountRef> byKey = new LinkedHashMap<>();
		accounts.forEach(account -> byKey.put(account.code().name() + "/" + account.counterparty(), account));
		Map<AccountRef, Long> found = new LinkedHashMap<>();
		this.jdbcTemplate.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					select a.id, a.code, a.counterparty from ledger_account a
					join unnest(?::varchar[], ?::varchar[]) as wanted(code, counterparty)
					  on a.code = wanted.code and a.counterparty = wanted.counterparty
					where a.currency = ?""");
			statement.setArray(1, connection.createArrayOf("varchar",
					accounts.stream().map(account -> account.code().name()).toArray(String[]::new)));
			statement.setArray(2, connection.createArrayOf("varchar",
					accounts.stream().map(AccountRef::counterparty).toArray(String[]::new)));
			statement.setString(3, currency.getCurrencyCode());
			return statement;
		}, rs -> {
			found.put(byKey.get(rs.getString("code") + "/" + rs.getString("counterparty")), rs.getLong("id"));
		});
		return found;
	}

	private long open(AccountRef account, Currency currency, Instant now) {
		String code = currency.getCurrencyCode();
		return this.ownTransaction.execute(status -> {
			this.jdbc.sql("""
					insert into ledger_account (code, counterparty, type, currency, never_negative, opened_at)
					values (?, ?, ?, ?, ?, ?)
					on conflict (code, counterparty, currency) do nothing""")
				.params(account.code().name(), account.counterparty(), account.code().type().name(), code,
						account.code().isNeverNegative(), Timestamp.from(now))
				.update();
			return this.jdbc.sql("select id from ledger_account where code = ? and counterparty = ? and currency = ?")
				.params(account.code().name(), account.counterparty(), code)
				.query(Long.class)
				.single();
		});
	}

	private static String key(AccountRef account, Currency currency) {
		return account.code() + "/" + account.counterparty() + "/" + currency.getCurrencyCode();
	}

}
