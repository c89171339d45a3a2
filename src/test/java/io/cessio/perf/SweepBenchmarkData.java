package io.cessio.perf;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.shared.Iban;
import io.cessio.shared.Siren;

/**
 * Sweep test data written with bulk SQL, as fast as PostgreSQL allows, for the sweep
 * benchmark (P3) and the sweep crash test (R4). What the services would have written, row
 * for row, without going through them (the lettrage of 100 000 receipts would take longer
 * than the benchmark itself):
 * <ul>
 * <li>per company: the {@code company} row (standard terms, auto-payout and auto-refund
 * off, a valid SIREN), its {@code dedicated_account} (a valid IBAN of the modelled bank),
 * one debtor, one PURCHASED remittance of {@code collections} invoices with its PURCHASE
 * journal entry (receivables debited, current account credited), one bank statement;</li>
 * <li>per invoice (100,00 to 10 000,00, amounts from a hash: the same every run): a
 * booked receipt ({@code statement_entry}, MATCHED) with its INCOMING_TRANSFER entry
 * (dedicated cash up, suspense portion up), and one COLLECTION {@code allocation} paying
 * it in full with its COLLECTION entry (suspense → factor's portion, collections in
 * transit up, receivables down), the invoice SETTLED with its payment settlement;</li>
 * <li>the company's ledger accounts with their cached balances summed from the postings,
 * so that the factor-collections balance is Σ of the company's unswept COLLECTION
 * allocations and the invariant view stays empty.</li>
 * </ul>
 * Companies are numbered; {@link #seed} writes numbers {@code first} to
 * {@code first + count - 1} in transactions of {@value #CHUNK} companies.
 */
final class SweepBenchmarkData {

	static final int CHUNK = 500;

	/** Dedicated account numbers far above what the account sequence hands out. */
	private static final long ACCOUNT_NUMBER_BASE = 90_000_000_000L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	SweepBenchmarkData(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Companies {@code first..first+count-1}, each with its collections; returns Σ. */
	java.math.BigDecimal seed(int first, int count, int collections, LocalDate valueDate) {
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		for (int from = first; from < first + count; from += CHUNK) {
			int to = Math.min(from + CHUNK, first + count);
			int chunkFrom = from;
			total = total.add(this.transaction.execute(status -> seedChunk(chunkFrom, to, collections, valueDate)));
		}
		return total;
	}

	private java.math.BigDecimal seedChunk(int from, int to, int collections, LocalDate valueDate) {
		Timestamp now = Timestamp.from(Instant.now());
		// test data written by construction right: skip the triggers (the per-posting
		// balance check at commit) and foreign-key checks while loading; the callers
		// check
		// the invariant view and the portions afterwards
		this.jdbc.execute("set local session_replication_role = replica");
		List<Object[]> companies = new ArrayList<>();
		for (int n = from; n < to; n++) {
			UUID companyId = UUID.nameUUIDFromBytes(("sweep-bench-company-" + n).getBytes());
			UUID accountId = UUID.nameUUIDFromBytes(("sweep-bench-account-" + n).getBytes());
			Iban iban = Iban.french("17999", "00001", String.format("%011d", ACCOUNT_NUMBER_BASE + n));
			companies.add(new Object[] { n, companyId, accountId, "SWEEP BENCH " + n + " SAS", siren(2 * n),
					siren(2 * n + 1), iban.value(), new Timestamp(now.getTime() + n) });
		}
		this.jdbc.execute("""
				create temp table seed_company (n int, company_id uuid, account_id uuid, legal_name text,
				  siren text, debtor_siren text, iban text, opened_at timestamptz, remittance_id uuid,
				  debtor_id uuid, statement_id uuid, purchase_entry_id bigint) on commit drop""");
		this.jdbc.batchUpdate("""
				insert into seed_company (n, company_id, account_id, legal_name, siren, debtor_siren, iban, opened_at,
				  remittance_id, debtor_id, statement_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, gen_random_uuid(), gen_random_uuid(), gen_random_uuid())""", companies);
		this.jdbc
			.update("""
					insert into company (id, legal_name, siren, street, postal_code, city, country, operating_iban, currency,
					  advance_rate, commission_rate, per_invoice_fee, fee_vat_rate, financing_margin, facility_limit,
					  concentration_limit, defunding_days, max_term_days, four_eyes_threshold, auto_payout, auto_refund,
					  onboarded_at, version)
					select company_id, legal_name, siren, '1 rue du Banc d''Essai', '75001', 'Paris', 'FR',
					  'FR7630003012340005001234509', 'EUR', 0.90, 0.003, 3.00, 0.20, 0.015, 10000000.00, 1, 60, 90,
					  1000000.00, false, false, opened_at, 0
					from seed_company""");
		this.jdbc.update("""
				insert into dedicated_account (id, company_id, iban, bic, opened_at, version)
				select account_id, company_id, iban, 'CESSFRP1XXX', opened_at, 0 from seed_company""");
		this.jdbc.update("""
				insert into debtor (id, company_id, legal_name, siren, street, postal_code, city, country, email,
				  currency, approval_limit, approval_expires_on, blocked, registered_at, version)
				select debtor_id, company_id, 'DEBITEUR ' || n || ' SA', debtor_siren, '2 avenue du Client', '69001',
				  'Lyon', 'FR', 'compta' || n || '@example.com', 'EUR', 1000000.00, ?::date + 365, false, opened_at, 0
				from seed_company""", Date.valueOf(valueDate));
		this.jdbc.update("""
				create temp table seed_item on commit drop as
				select c.n, c.company_id, c.account_id, c.debtor_id, c.remittance_id, c.statement_id, k,
				  gen_random_uuid() as invoice_id, gen_random_uuid() as entry_id, gen_random_uuid() as allocation_id,
				  (((hashtext(c.n || ':' || k) & 2147483647) % 990001 + 10000) / 100.0)::numeric(19, 2) as amount,
				  null::bigint as receipt_entry_id, null::bigint as collection_entry_id
				from seed_company c cross join generate_series(1, ?) k""", collections);
		this.jdbc.update("""
				insert into ledger_account (code, counterparty, type, currency, never_negative, opened_at)
				select code, c.company_id::text, type, 'EUR', never_negative, c.opened_at
				from seed_company c cross join (values ('RECEIVABLES', 'ASSET', false),
				  ('CLIENT_CURRENT_ACCOUNT', 'LIABILITY', false), ('DEDICATED_CASH', 'ASSET', true),
				  ('DEDICATED_UNIDENTIFIED', 'LIABILITY', true), ('DEDICATED_FACTOR_COLLECTIONS', 'LIABILITY', true),
				  ('COLLECTIONS_IN_TRANSIT', 'ASSET', false)) a(code, type, never_negative)
				order by c.n, code""");
		// the purchase of each company's remittance: its receivables enter the books
		this.jdbc.update("""
				with entry as (
				  insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description)
				  select 'PURCHASE', 'SWEEP-BENCH:' || remittance_id, ?::date - 40, ?, 'Achat du bordereau SWB-' || n
				  from seed_company returning id, source_ref)
				update seed_company c set purchase_entry_id = entry.id from entry
				where entry.source_ref = 'SWEEP-BENCH:' || c.remittance_id""", Date.valueOf(valueDate), now);
		this.jdbc.update("""
				insert into posting (entry_id, account_id, side, amount, currency)
				select c.purchase_entry_id, a.id, case a.code when 'RECEIVABLES' then 'D' else 'C' end, t.total, 'EUR'
				from seed_company c
				join (select company_id, sum(amount) as total from seed_item group by company_id) t using (company_id)
				join ledger_account a on a.counterparty = c.company_id::text and a.currency = 'EUR'
				  and a.code in ('RECEIVABLES', 'CLIENT_CURRENT_ACCOUNT')
				order by c.purchase_entry_id, a.code desc""");
		this.jdbc
			.update("""
					insert into remittance (id, company_id, number, status, invoice_count, credit_note_count, total_invoices,
					  total_credit_notes, control_total, currency, submitted_at, submitted_by, reviewed_by, reviewed_at,
					  purchased_on, purchase_entry_id, commission, invoice_fees, vat_on_fees, version)
					select c.remittance_id, c.company_id, 'SWB-' || c.n, 'PURCHASED', ?, 0, t.total, 0, t.total, 'EUR',
					  c.opened_at, 'sweep-benchmark-seed', 'sweep-benchmark-seed', c.opened_at, ?::date - 40,
					  c.purchase_entry_id, 0, 0, 0, 0
					from seed_company c
					join (select company_id, sum(amount) as total from seed_item group by company_id) t using (company_id)""",
					collections, Date.valueOf(valueDate));
		this.jdbc.update("""
				insert into invoice (id, company_id, debtor_id, kind, number, issue_date, due_date, amount_excl_vat,
				  vat_amount, amount_incl_vat, currency, status, source, remittance_id, decided_by, decided_at,
				  created_at, created_by, version, open_amount)
				select invoice_id, company_id, debtor_id, 'INVOICE', 'SWB-' || n || '-' || k, ?::date - 45,
				  ?::date + 15, round(amount / 1.2, 2), amount - round(amount / 1.2, 2), amount, 'EUR', 'SETTLED',
				  'CSV', remittance_id, 'sweep-benchmark-seed', now(), now(), 'sweep-benchmark-seed', 0, 0
				from seed_item""", Date.valueOf(valueDate), Date.valueOf(valueDate));
		this.jdbc.update("""
				insert into statement_import (id, file_name, file_sha256, format, message_id, source, statement_count,
				  entry_count, new_entry_count, imported_at, imported_by)
				values (?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'CAMT_053_001_08', null, 'UPLOAD', ?, ?, ?,
				  ?, 'sweep-benchmark-seed')""", UUID.nameUUIDFromBytes(("sweep-bench-import-" + from).getBytes()),
				"sweep-bench-" + from + ".xml", "sweep-bench-import-" + from + "-" + now, to - from,
				(to - from) * collections, (to - from) * collections, now);
		this.jdbc
			.update("""
					insert into bank_statement (id, import_id, dedicated_account_id, company_id, statement_id,
					  opening_balance, opening_date, closing_balance, closing_date, entry_count)
					select c.statement_id, ?, c.account_id, c.company_id, 'SWB-' || c.n, 0, ?::date - 1, t.total,
					  ?::date - 1, ?
					from seed_company c
					join (select company_id, sum(amount) as total from seed_item group by company_id) t using (company_id)""",
					UUID.nameUUIDFromBytes(("sweep-bench-import-" + from).getBytes()), Date.valueOf(valueDate),
					Date.valueOf(valueDate), collections);
		// each receipt booked to the suspense portion, then allocated to its invoice
		this.jdbc.update("""
				with entry as (
				  insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description)
				  select 'INCOMING_TRANSFER', account_id || ':SWB-' || n || '-' || k, ?::date - 1, ?,
				    'Virement reçu de DEBITEUR ' || n || ' SA'
				  from seed_item returning id, source_ref)
				update seed_item i set receipt_entry_id = entry.id from entry
				where entry.source_ref = i.account_id || ':SWB-' || i.n || '-' || i.k""", Date.valueOf(valueDate), now);
		this.jdbc.update("""
				with entry as (
				  insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description)
				  select 'COLLECTION', 'ALLOCATION:' || allocation_id, ?::date - 1, ?, 'Encaissement lettré'
				  from seed_item returning id, source_ref)
				update seed_item i set collection_entry_id = entry.id from entry
				where entry.source_ref = 'ALLOCATION:' || i.allocation_id""", Date.valueOf(valueDate), now);
		this.jdbc.update("""
				insert into posting (entry_id, account_id, side, amount, currency)
				select p.journal_id, a.id, p.side, i.amount, 'EUR'
				from seed_item i
				cross join lateral (values (i.receipt_entry_id, 'DEDICATED_CASH', 'D'),
				  (i.receipt_entry_id, 'DEDICATED_UNIDENTIFIED', 'C'),
				  (i.collection_entry_id, 'DEDICATED_UNIDENTIFIED', 'D'),
				  (i.collection_entry_id, 'DEDICATED_FACTOR_COLLECTIONS', 'C'),
				  (i.collection_entry_id, 'COLLECTIONS_IN_TRANSIT', 'D'),
				  (i.collection_entry_id, 'RECEIVABLES', 'C')) p(journal_id, code, side)
				join ledger_account a on a.code = p.code and a.counterparty = i.company_id::text and a.currency = 'EUR'
				order by p.journal_id, a.id""");
		this.jdbc.update("""
				insert into statement_entry (id, bank_statement_id, dedicated_account_id, company_id, entry_key,
				  position, direction, amount, reversal, status, booking_date, value_date, bank_reference,
				  end_to_end_id, payer_name, referred_documents, remittance_text, kind, state, unallocated,
				  receipt_entry_id, imported_at, version)
				select entry_id, statement_id, account_id, company_id, 'SWB-' || n || '-' || k, k, 'CREDIT', amount,
				  false, 'BOOKED', ?::date - 1, ?::date - 1, 'SWB-' || n || '-' || k, 'E2E-SWB-' || n || '-' || k,
				  'DEBITEUR ' || n || ' SA', '', 'FACTURE SWB-' || n || '-' || k, 'RECEIPT', 'MATCHED', 0,
				  receipt_entry_id, now(), 0
				from seed_item""", Date.valueOf(valueDate), Date.valueOf(valueDate));
		this.jdbc.update("""
				insert into allocation (id, statement_entry_id, company_id, invoice_id, kind, amount, value_date, pass,
				  score, decided_by, decided_at, journal_entry_id)
				select allocation_id, entry_id, company_id, invoice_id, 'COLLECTION', amount, ?::date - 1,
				  'INVOICE_NUMBER', 0.98, 'system', now(), collection_entry_id
				from seed_item""", Date.valueOf(valueDate));
		this.jdbc.update("""
				insert into invoice_settlement (id, invoice_id, company_id, kind, amount, value_date, source_ref,
				  recorded_at, recorded_by)
				select gen_random_uuid(), invoice_id, company_id, 'PAYMENT', amount, ?::date - 1,
				  'ALLOCATION:' || allocation_id, now(), 'system'
				from seed_item""", Date.valueOf(valueDate));
		// the balance cache, as the ledger keeps it: debits minus credits of the postings
		this.jdbc.update("""
				update ledger_account a set balance = s.balance, version = s.n
				from (select p.account_id, sum(case p.side when 'D' then p.amount else -p.amount end) as balance,
				        count(*) as n
				      from posting p join ledger_account l on l.id = p.account_id
				      join seed_company c on l.counterparty = c.company_id::text
				      group by p.account_id) s
				where a.id = s.account_id""");
		return this.jdbc.queryForObject("select sum(amount) from seed_item", java.math.BigDecimal.class);
	}

	/** A valid SIREN (Luhn) derived from a number, unique per number below 10^7. */
	static String siren(long number) {
		String digits = String.format("%08d", 10_000_000 + number);
		for (int check = 0; check < 10; check++) {
			if (Siren.isValid(digits + check)) {
				return digits + check;
			}
		}
		throw new IllegalStateException("no Luhn check digit for " + digits);
	}

}
