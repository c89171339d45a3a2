package io.cessio.payments;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.banking.AccountStatement;
import io.cessio.banking.DedicatedAccountView;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.EntryDirection;
import io.cessio.banking.EntryStatus;
import io.cessio.banking.OutgoingTransfer;
import io.cessio.banking.StatementEntry;
import io.cessio.banking.StatementFile;
import io.cessio.banking.StatementRejected;
import io.cessio.companies.CompanyId;
import io.cessio.ledger.JournalEntry;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * Stores a statement file that was read and checked, in one transaction: the file, each
 * account's statement and every entry not seen before. Money received from others is
 * posted to the suspense portion of the dedicated account; Cessio's own transfers found
 * again are reconciled. An unknown account refuses the whole file before anything is
 * written.
 */
@Component
class StatementStore {

	private final DedicatedAccounts accounts;

	private final Ledger ledger;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	StatementStore(DedicatedAccounts accounts, Ledger ledger, AuditTrail auditTrail, CurrentUser currentUser,
			JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	Optional<StatementImportResult> alreadyImported(String sha256) {
		return jdbc.sql("select * from statement_import where file_sha256 = ?")
			.param(sha256)
			.query((rs, n) -> new StatementImportResult(rs.getObject("id", UUID.class), rs.getString("file_name"),
					io.cessio.banking.StatementFormat.valueOf(rs.getString("format")), true,
					rs.getTimestamp("imported_at").toInstant(), rs.getInt("statement_count"), rs.getInt("entry_count"),
					0, 0, Money.zero(Money.EUR), List.of()))
			.optional();
	}

	@Transactional
	StatementImportResult store(String fileName, String sha256, StatementFile file, ImportSource source) {
		Map<AccountStatement, DedicatedAccountView> accountOf = new LinkedHashMap<>();
		for (AccountStatement statement : file.statements()) {
			DedicatedAccountView account = accounts.findByIban(statement.iban())
				.orElseThrow(() -> new StatementRejected(StatementRejected.Reason.UNKNOWN_ACCOUNT, null,
						"No dedicated account has IBAN " + statement.iban().masked(), statement.iban().formatted()));
			accountOf.put(statement, account);
		}
		UUID importId = UUID.randomUUID();
		Instant now = clock.instant();
		String actor = currentUser.actorName();
		int entryCount = file.statements().stream().mapToInt(statement -> statement.entries().size()).sum();
		int inserted = jdbc.sql("""
				insert into statement_import (id, file_name, file_sha256, format, message_id, source, statement_count,
				  entry_count, new_entry_count, imported_at, imported_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) on conflict (file_sha256) do nothing""")
			.params(importId, truncate(fileName, 200), sha256, file.format().name(), file.messageId(), source.name(),
					file.statements().size(), entryCount, Timestamp.from(now), actor)
			.update();
		if (inserted == 0) {
			// the same file was imported meanwhile, by another request or instance
			return alreadyImported(sha256).orElseThrow();
		}
		int newEntries = 0;
		int receipts = 0;
		Money received = Money.zero(Money.EUR);
		Set<CompanyId> companies = new LinkedHashSet<>();
		for (var statementAndAccount : accountOf.entrySet()) {
			AccountStatement statement = statementAndAccount.getKey();
			DedicatedAccountView account = statementAndAccount.getValue();
			UUID statementId = UUID.randomUUID();
			jdbc.sql("""
					insert into bank_statement (id, import_id, dedicated_account_id, company_id, statement_id,
					  electronic_sequence, opening_balance, opening_date, closing_balance, closing_date, entry_count)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(statementId, importId, account.id().value(), account.companyId().value(),
						truncate(statement.statementId(), 100), statement.electronicSequence(),
						statement.openingBalance(), Date.valueOf(statement.openingDate()), statement.closingBalance(),
						Date.valueOf(statement.closingDate()), statement.entries().size())
				.update();
			StoredEntries stored = storeEntries(statementId, account, statement.entries(), now);
			newEntries += stored.newEntries();
			receipts += stored.receipts();
			received = received.plus(stored.received());
			if (stored.receipts() > 0) {
				companies.add(account.companyId());
			}
		}
		jdbc.sql("update statement_import set new_entry_count = ? where id = ?").params(newEntries, importId).update();
		auditTrail.record("STATEMENT_IMPORTED", "STATEMENT_IMPORT", importId.toString(),
				fileName + " (" + file.format() + "): " + file.statements().size() + " statement(s), " + entryCount
						+ " entries, " + newEntries + " new, " + receipts + " receipt(s) of " + received);
		return new StatementImportResult(importId, fileName, file.format(), false, now, file.statements().size(),
				entryCount, newEntries, receipts, received, new ArrayList<>(companies));
	}

	private record StoredEntries(int newEntries, int receipts, Money received) {
	}

	private StoredEntries storeEntries(UUID statementId, DedicatedAccountView account, List<StatementEntry> entries,
			Instant now) {
		EntryKeys keys = new EntryKeys();
		Map<String, StatementEntry> byKey = new LinkedHashMap<>();
		for (StatementEntry entry : entries) {
			byKey.putIfAbsent(keys.keyOf(entry), entry);
		}
		Set<String> known = new HashSet<>(
				jdbc.sql("select entry_key from statement_entry where dedicated_account_id = ? and entry_key = any(?)")
					.params(account.id().value(), byKey.keySet().toArray(String[]::new))
					.query(String.class)
					.list());
		String companyKey = account.companyId().toString();
		List<NewEntry> fresh = new ArrayList<>();
		List<JournalEntry> receiptEntries = new ArrayList<>();
		for (var keyed : byKey.entrySet()) {
			if (known.contains(keyed.getKey())) {
				continue;
			}
			StatementEntry entry = keyed.getValue();
			Optional<OutgoingTransfer> own = ownTransfer(entry);
			NewEntry stored;
			if (entry.status() != EntryStatus.BOOKED) {
				stored = new NewEntry(keyed.getKey(), entry, EntryKind.NOT_BOOKED, EntryState.NOT_BOOKED, null);
			}
			else if (own.isPresent()) {
				stored = new NewEntry(keyed.getKey(), entry, EntryKind.OWN_TRANSFER, EntryState.RECONCILED,
						own.get().id());
			}
			else if (entry.direction() == EntryDirection.DEBIT) {
				stored = new NewEntry(keyed.getKey(), entry, EntryKind.OTHER_DEBIT, EntryState.TO_REVIEW, null);
			}
			else {
				stored = new NewEntry(keyed.getKey(), entry, EntryKind.RECEIPT, EntryState.SUSPENSE, null);
				receiptEntries.add(PostingRules.incomingTransfer(companyKey, ledgerReference(account, keyed.getKey()),
						entry.bookingDate(), Money.eur(entry.amount()),
						truncate("Virement reçu de " + (entry.payerName() == null ? "?" : entry.payerName()), 200)));
			}
			fresh.add(stored);
		}
		// the statement's receipts in one batch: the dedicated account's rows are locked
		// and updated once
		Iterator<Long> receiptEntryIds = ledger.postAll(receiptEntries).iterator();
		List<Object[]> rows = new ArrayList<>(fresh.size());
		int receipts = 0;
		BigDecimal received = BigDecimal.ZERO;
		for (NewEntry stored : fresh) {
			StatementEntry entry = stored.entry();
			Long receiptEntryId = null;
			if (stored.kind() == EntryKind.RECEIPT) {
				receiptEntryId = receiptEntryIds.next();
				receipts++;
				received = received.add(entry.amount());
			}
			rows.add(new Object[] { UUID.randomUUID(), statementId, account.id().value(), account.companyId().value(),
					truncate(stored.key(), 200), entry.position(), entry.direction().name(), entry.amount(),
					entry.reversal(), entry.status().name(), Date.valueOf(entry.bookingDate()),
					Date.valueOf(entry.valueDate()), truncate(entry.bankReference(), 100),
					truncate(entry.endToEndId(), 100), truncate(entry.payerName(), 140),
					truncate(entry.payerIban(), 34), truncate(entry.payerIdentifier(), 100),
					truncate(entry.creditorReference(), 100),
					truncate(ReceiptRow.joinDocuments(entry.referredDocuments()), 1000),
					truncate(entry.remittanceText(), 2000), truncate(entry.bankTransactionCode(), 50),
					truncate(entry.returnReason(), 10), stored.kind().name(), stored.state().name(),
					stored.kind() == EntryKind.RECEIPT ? entry.amount() : BigDecimal.ZERO, receiptEntryId,
					stored.ownTransferId(), Timestamp.from(now) });
		}
		jdbcTemplate.batchUpdate(
				"""
						insert into statement_entry (id, bank_statement_id, dedicated_account_id, company_id, entry_key, position,
						  direction, amount, reversal, status, booking_date, value_date, bank_reference, end_to_end_id, payer_name,
						  payer_iban, payer_identifier, creditor_reference, referred_documents, remittance_text,
						  bank_transaction_code, return_reason, kind, state, unallocated, receipt_entry_id, own_transfer_id,
						  imported_at, version)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
						on conflict (dedicated_account_id, entry_key) do nothing""",
				rows);
		return new StoredEntries(rows.size(), receipts, Money.eur(received));
	}

	/** An entry not seen before, with what it is. */
	private record NewEntry(String key, StatementEntry entry, EntryKind kind, EntryState state,
			@Nullable UUID ownTransferId) {
	}

	private Optional<OutgoingTransfer> ownTransfer(StatementEntry entry) {
		if (entry.endToEndId() == null || !entry.endToEndId().startsWith("CESSIO-")) {
			return Optional.empty();
		}
		return accounts.ownTransfer(entry.endToEndId())
			.filter(transfer -> transfer.amount().amount().compareTo(entry.amount()) == 0)
			.filter(transfer -> "PAYOUT".equals(transfer.purpose()) == (entry.direction() == EntryDirection.CREDIT));
	}

	/** The receipt's idempotency key in the ledger (at most 100 characters). */
	private static String ledgerReference(DedicatedAccountView account, String entryKey) {
		return account.id() + ":" + (entryKey.length() <= 60 ? entryKey : EntryKeys.sha256(entryKey).substring(0, 60));
	}

	private static @Nullable String truncate(@Nullable String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
