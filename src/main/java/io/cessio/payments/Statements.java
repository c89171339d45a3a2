package io.cessio.payments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.banking.StatementFile;
import io.cessio.banking.StatementFormat;
import io.cessio.banking.StatementReader;
import io.cessio.banking.StatementRejected;
import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * Bank statements of the dedicated accounts, for operations: a camt.053 or CFONB 120 file
 * is read and checked as a whole (a refused file imports nothing), stored once, and its
 * receipts are matched right away. Matching runs after the import has committed, one
 * company at a time: should it fail, the receipts wait in suspense and the next lettrage
 * takes them.
 */
@Service
public class Statements {

	private static final Logger log = LoggerFactory.getLogger(Statements.class);

	private final StatementReader reader;

	private final StatementStore store;

	private final Lettrage lettrage;

	private final JdbcClient jdbc;

	Statements(StatementReader reader, StatementStore store, Lettrage lettrage, JdbcClient jdbc) {
		this.reader = reader;
		this.store = store;
		this.lettrage = lettrage;
		this.jdbc = jdbc;
	}

	/**
	 * Imports a statement file and matches its receipts. A file imported before changes
	 * nothing and says so.
	 * @throws StatementRejected when the file is refused; nothing was imported
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public ImportOutcome importFile(String fileName, byte[] content, ImportSource source) {
		String sha256 = EntryKeys.sha256(content);
		Optional<StatementImportResult> seen = store.alreadyImported(sha256);
		if (seen.isPresent()) {
			return new ImportOutcome(seen.get(), MatchSummary.none());
		}
		return importRead(fileName, sha256, reader.read(content), source);
	}

	/** Stores a file already read and checked, then matches its receipts. */
	ImportOutcome importRead(String fileName, String sha256, StatementFile file, ImportSource source) {
		StatementImportResult imported = store.store(fileName, sha256, file, source);
		MatchSummary matched = MatchSummary.none();
		for (CompanyId companyId : imported.companies()) {
			try {
				matched = matched.plus(lettrage.matchOpenReceipts(companyId));
			}
			catch (RuntimeException failure) {
				log.error("Lettrage of company {} after import {} failed; its receipts wait in suspense", companyId,
						imported.importId(), failure);
			}
		}
		return new ImportOutcome(imported, matched);
	}

	/** The latest imports, newest first, with their auto-match rates. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ImportView> recentImports() {
		return jdbc
			.sql("""
					select i.*,
					  coalesce(r.receipts, 0) as receipts, coalesce(r.received, 0) as received,
					  coalesce(r.auto_matched, 0) as auto_matched, coalesce(r.auto_amount, 0) as auto_amount
					from statement_import i
					left join lateral (
					  select count(*) as receipts, sum(e.amount) as received,
					         count(*) filter (where e.state = 'MATCHED'
					           and not exists (select 1 from allocation m where m.statement_entry_id = e.id and m.pass = 'MANUAL')
					           and exists (select 1 from allocation a where a.statement_entry_id = e.id)) as auto_matched,
					         (select coalesce(sum(a.amount), 0) from allocation a
					            join statement_entry x on x.id = a.statement_entry_id
					            join bank_statement y on y.id = x.bank_statement_id
					           where y.import_id = i.id and a.pass not in ('MANUAL', 'RETURNED')) as auto_amount
					  from statement_entry e join bank_statement s on s.id = e.bank_statement_id
					  where s.import_id = i.id and e.kind = 'RECEIPT') r on true
					order by i.imported_at desc, i.id limit 100""")
			.query((rs, n) -> new ImportView(rs.getObject("id", UUID.class), rs.getString("file_name"),
					StatementFormat.valueOf(rs.getString("format")), ImportSource.valueOf(rs.getString("source")),
					rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"),
					rs.getInt("statement_count"), rs.getInt("entry_count"), rs.getInt("new_entry_count"),
					rs.getInt("receipts"), Money.eur(rs.getBigDecimal("received")), rs.getInt("auto_matched"),
					Money.eur(rs.getBigDecimal("auto_amount"))))
			.list();
	}

}
