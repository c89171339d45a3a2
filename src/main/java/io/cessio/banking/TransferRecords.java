package io.cessio.banking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.cessio.shared.Money;

/** The transfers in and out of dedicated accounts, append-only rows written with SQL. */
@Repository
class TransferRecords {

	private static final String INSERT_IF_NEW = """
			insert into outgoing_transfer (id, dedicated_account_id, purpose, request_key, message_id, end_to_end_id,
			  amount, currency, debtor_name, debtor_iban, debtor_bic, creditor_name, creditor_iban, creditor_city,
			  creditor_country, remittance_info, execution_date, requested_at, requested_by, journal_entry_id)
			values (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (request_key) do nothing""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	TransferRecords(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Inserts the transfer unless one with its request key exists; true when inserted.
	 */
	boolean insertIfNew(OutgoingTransfer transfer, String purpose, String requestKey) {
		return insertAllIfNew(List.of(transfer), purpose, List.of(requestKey)).contains(requestKey);
	}

	/**
	 * Inserts each transfer unless one with its request key exists, in one round trip;
	 * the request keys inserted.
	 */
	Set<String> insertAllIfNew(List<OutgoingTransfer> transfers, String purpose, List<String> requestKeys) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < transfers.size(); i++) {
			OutgoingTransfer transfer = transfers.get(i);
			rows.add(new Object[] { transfer.id(), transfer.from().value(), purpose, requestKeys.get(i),
					transfer.messageId(), transfer.endToEndId(), transfer.amount().amount(), transfer.debtorName(),
					transfer.debtorIban(), transfer.debtorBic(), transfer.creditorName(), transfer.creditorIban(),
					transfer.creditorCity(), transfer.creditorCountry(), transfer.remittanceInfo(),
					Date.valueOf(transfer.executionDate()), Timestamp.from(transfer.requestedAt()),
					transfer.requestedBy(), transfer.journalEntryId() });
		}
		int[] counts = jdbcTemplate.batchUpdate(INSERT_IF_NEW, rows);
		Set<String> inserted = new HashSet<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 1) {
				inserted.add(requestKeys.get(i));
			}
		}
		return inserted;
	}

	Optional<OutgoingTransfer> byRequestKey(String requestKey) {
		return jdbc.sql("select * from outgoing_transfer where request_key = ?")
			.param(requestKey)
			.query(TransferRecords::outgoing)
			.optional();
	}

	/** The transfers executed under any of these request keys, by key. */
	Map<String, OutgoingTransfer> byRequestKeys(Collection<String> requestKeys) {
		Map<String, OutgoingTransfer> found = new HashMap<>();
		jdbc.sql("select * from outgoing_transfer where request_key = any(?)")
			.param(requestKeys.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("request_key"), outgoing(rs, n)))
			.list()
			.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
		return found;
	}

	Optional<OutgoingTransfer> byEndToEndId(String endToEndId) {
		return jdbc.sql("select * from outgoing_transfer where end_to_end_id = ?")
			.param(endToEndId)
			.query(TransferRecords::outgoing)
			.optional();
	}

	Optional<OutgoingTransfer> outgoing(UUID id) {
		return jdbc.sql("select * from outgoing_transfer where id = ?")
			.param(id)
			.query(TransferRecords::outgoing)
			.optional();
	}

	List<OutgoingTransfer> recentOutgoing(int limit) {
		return jdbc.sql("select * from outgoing_transfer order by requested_at desc, id limit ?")
			.param(limit)
			.query(TransferRecords::outgoing)
			.list();
	}

	void insertIncoming(UUID id, DedicatedAccountId to, Money amount, java.time.LocalDate valueDate, String payerName,
			String payerIban, String remittanceInfo, java.time.Instant recordedAt, String recordedBy,
			long journalEntryId) {
		jdbc.sql("""
				insert into incoming_transfer (id, dedicated_account_id, amount, currency, value_date, payer_name,
				  payer_iban, remittance_info, recorded_at, recorded_by, journal_entry_id)
				values (?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, to.value(), amount.amount(), Date.valueOf(valueDate), payerName, payerIban, remittanceInfo,
					Timestamp.from(recordedAt), recordedBy, journalEntryId)
			.update();
	}

	List<IncomingTransferRecord> recentIncoming(int limit) {
		return jdbc.sql("""
				select t.*, c.legal_name from incoming_transfer t
				join dedicated_account a on a.id = t.dedicated_account_id
				join company c on c.id = a.company_id
				order by t.recorded_at desc, t.id limit ?""")
			.param(limit)
			.query((rs, n) -> new IncomingTransferRecord(rs.getObject("id", UUID.class),
					new DedicatedAccountId(rs.getObject("dedicated_account_id", UUID.class)),
					rs.getString("legal_name"), Money.eur(rs.getBigDecimal("amount")),
					rs.getDate("value_date").toLocalDate(), rs.getString("payer_name"), rs.getString("payer_iban"),
					rs.getString("remittance_info"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by")))
			.list();
	}

	private static OutgoingTransfer outgoing(ResultSet rs, int row) throws SQLException {
		return new OutgoingTransfer(rs.getObject("id", UUID.class),
				new DedicatedAccountId(rs.getObject("dedicated_account_id", UUID.class)), rs.getString("purpose"),
				rs.getString("message_id"), rs.getString("end_to_end_id"), Money.eur(rs.getBigDecimal("amount")),
				rs.getString("debtor_name"), rs.getString("debtor_iban"), rs.getString("debtor_bic"),
				rs.getString("creditor_name"), rs.getString("creditor_iban"), rs.getString("creditor_city"),
				rs.getString("creditor_country"), rs.getString("remittance_info"),
				rs.getDate("execution_date").toLocalDate(), rs.getTimestamp("requested_at").toInstant(),
				rs.getString("requested_by"), rs.getLong("journal_entry_id"));
	}

}
