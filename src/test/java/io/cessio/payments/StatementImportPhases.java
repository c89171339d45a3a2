package io.cessio.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.banking.AccountStatement;
import io.cessio.banking.EntryDirection;
import io.cessio.banking.EntryStatus;
import io.cessio.banking.StatementEntry;
import io.cessio.banking.StatementFile;
import io.cessio.banking.StatementReader;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;

/**
 * The statement import of {@link Statements#importFile}, step by step and timed, for the
 * match benchmark ({@code io.cessio.perf.MatchBenchmark}, BENCHMARKS.md P5). It calls the
 * same components in the same order and the same transactions:
 * <ol>
 * <li><b>parse</b>: the file's SHA-256, the already-imported check and
 * {@link StatementReader#read} (screening, Prowide, every check of the file);</li>
 * <li><b>store</b>: {@link StatementStore#store} — the import, the statement, the new
 * entries and each receipt's {@code INCOMING_TRANSFER} entry, committed;</li>
 * <li><b>match</b>: in the lettrage transaction, under the company's lock,
 * {@link Lettrage#plan}: the receipts in suspense read back, the company's
 * {@link MatchingBook} built from the database (open invoices, debtors, known IBANs) and
 * every receipt matched; nothing is written;</li>
 * <li><b>book</b>: {@link Lettrage#book} in the same transaction — the allocation rows
 * and their {@code COLLECTION} entries, the receipts' rests, the settlements and open
 * amounts, the audit row — and the commit, when the ledger's deferred checks run.</li>
 * </ol>
 * Parse and match are the non-posting work; store and book are the postings. Unlike
 * {@link Statements#importRead}, a failed lettrage is not swallowed: it fails the run.
 * Must be called as a user with role OPS or ADMIN.
 */
public final class StatementImportPhases {

	private final StatementReader reader;

	private final StatementStore store;

	private final Lettrage lettrage;

	private final CompanyManagement companies;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	public StatementImportPhases(ApplicationContext context) {
		this.reader = context.getBean(StatementReader.class);
		this.store = context.getBean(StatementStore.class);
		// plan and book are package-private steps of the service, not advised: call them
		// on the service itself, inside a transaction of our own as matchOpenReceipts is
		this.lettrage = AopTestUtils.getUltimateTargetObject(context.getBean(Lettrage.class));
		this.companies = context.getBean(CompanyManagement.class);
		this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/**
	 * What one import did and how long each step took (wall clock, nanoseconds), with the
	 * CPU time of the calling thread in parse and match (where the work is the JVM's).
	 *
	 * @param receipts the receipts stored (booked to suspense)
	 * @param allocations the allocations booked
	 */
	public record Timed(UUID importId, int entries, int receipts, int allocations, MatchSummary matched,
			long parseNanos, long storeNanos, long matchNanos, long bookNanos, long parseCpuNanos, long matchCpuNanos) {

		public long parseAndMatchNanos() {
			return parseNanos + matchNanos;
		}

		public long postingNanos() {
			return storeNanos + bookNanos;
		}

	}

	/** Imports the file as {@link Statements#importFile} would, timing each step. */
	public Timed importFile(String fileName, byte[] content) {
		long begin = System.nanoTime();
		long beginCpu = threadCpu();
		String sha256 = EntryKeys.sha256(content);
		if (store.alreadyImported(sha256).isPresent()) {
			throw new IllegalStateException(fileName + " was imported before");
		}
		StatementFile file = reader.read(content);
		long parsed = System.nanoTime();
		long parseCpu = threadCpu() - beginCpu;
		StatementImportResult imported = store.store(fileName, sha256, file, ImportSource.UPLOAD);
		long stored = System.nanoTime();
		long matchNanos = 0;
		long matchCpu = 0;
		long bookNanos = 0;
		int allocations = 0;
		MatchSummary matched = MatchSummary.none();
		for (CompanyId companyId : imported.companies()) {
			long[] planned = new long[2];
			int[] planAllocations = new int[1];
			long start = System.nanoTime();
			long startCpu = threadCpu();
			MatchSummary summary = transaction.execute(status -> {
				companies.find(companyId);
				Lettrage.lockCompany(jdbc, companyId);
				Lettrage.Lettering lettering = lettrage.plan(companyId);
				planned[0] = System.nanoTime();
				planned[1] = threadCpu();
				planAllocations[0] = lettering.plans().values().stream().mapToInt(List::size).sum();
				return (lettering.summary().receipts() == 0) ? MatchSummary.none()
						: lettrage.book(companyId, lettering);
			});
			long committed = System.nanoTime();
			matchNanos += planned[0] - start;
			matchCpu += planned[1] - startCpu;
			bookNanos += committed - planned[0];
			allocations += planAllocations[0];
			matched = matched.plus(summary);
		}
		return new Timed(imported.importId(), imported.newEntries(), imported.receipts(), allocations, matched,
				parsed - begin, stored - parsed, matchNanos, bookNanos, parseCpu, matchCpu);
	}

	private static long threadCpu() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	/**
	 * Writes the rows {@link StatementStore} stores for the file's entries, as CSV for
	 * PostgreSQL's {@code COPY … (format csv)} in the column order of
	 * {@link #COPY_COLUMNS}: the benchmark's baseline copies the very rows the import
	 * writes. Ids are new; {@code receipt_entry_id} counts the receipts from
	 * {@code firstReceiptEntryId} (the baseline's table has no foreign keys).
	 */
	public static void writeCopyRows(StatementFile file, UUID bankStatementId, UUID dedicatedAccountId, UUID companyId,
			long firstReceiptEntryId, Instant importedAt, Writer out) {
		long receiptEntryId = firstReceiptEntryId;
		try {
			for (AccountStatement statement : file.statements()) {
				EntryKeys keys = new EntryKeys();
				Map<String, StatementEntry> byKey = new LinkedHashMap<>();
				statement.entries().forEach(entry -> byKey.putIfAbsent(keys.keyOf(entry), entry));
				for (var keyed : byKey.entrySet()) {
					StatementEntry entry = keyed.getValue();
					boolean receipt = entry.status() == EntryStatus.BOOKED
							&& entry.direction() == EntryDirection.CREDIT;
					EntryKind kind = receipt ? EntryKind.RECEIPT
							: (entry.status() != EntryStatus.BOOKED) ? EntryKind.NOT_BOOKED : EntryKind.OTHER_DEBIT;
					EntryState state = receipt ? EntryState.SUSPENSE
							: (kind == EntryKind.NOT_BOOKED) ? EntryState.NOT_BOOKED : EntryState.TO_REVIEW;
					Object[] row = { UUID.randomUUID(), bankStatementId, dedicatedAccountId, companyId,
							truncate(keyed.getKey(), 200), entry.position(), entry.direction().name(), entry.amount(),
							entry.reversal(), entry.status().name(), entry.bookingDate(), entry.valueDate(),
							truncate(entry.bankReference(), 100), truncate(entry.endToEndId(), 100),
							truncate(entry.payerName(), 140), truncate(entry.payerIban(), 34),
							truncate(entry.payerIdentifier(), 100), truncate(entry.creditorReference(), 100),
							truncate(ReceiptRow.joinDocuments(entry.referredDocuments()), 1000),
							truncate(entry.remittanceText(), 2000), truncate(entry.bankTransactionCode(), 50),
							truncate(entry.returnReason(), 10), kind.name(), state.name(),
							receipt ? entry.amount() : BigDecimal.ZERO, receipt ? receiptEntryId++ : null, null,
							importedAt, 0 };
					writeCsvLine(out, row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The columns of {@code statement_entry} that {@link StatementStore} writes. */
	public static final String COPY_COLUMNS = "id, bank_statement_id, dedicated_account_id, company_id, entry_key, "
			+ "position, direction, amount, reversal, status, booking_date, value_date, bank_reference, end_to_end_id, "
			+ "payer_name, payer_iban, payer_identifier, creditor_reference, referred_documents, remittance_text, "
			+ "bank_transaction_code, return_reason, kind, state, unallocated, receipt_entry_id, own_transfer_id, "
			+ "imported_at, version";

	/**
	 * Null as an empty unquoted field, everything else quoted (so "" is an empty text).
	 */
	private static void writeCsvLine(Writer out, Object[] row) throws IOException {
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			if (row[i] != null) {
				String text = (row[i] instanceof BigDecimal decimal) ? decimal.toPlainString() : row[i].toString();
				out.write('"');
				out.write(text.replace("\"", "\"\""));
				out.write('"');
			}
		}
		out.write('\n');
	}

	private static @Nullable String truncate(@Nullable String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
