package io.cessio.invoices;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.CsvInvoiceFormat.Column;
import io.cessio.invoices.InvoiceDraft.Problem;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;
import io.cessio.shared.Siren;

/**
 * Imports a company's invoices and credit notes from a CSV file, all or nothing: the file
 * is streamed (UTF-8 or Windows-1252, {@code ;} or {@code ,}), every line is validated,
 * valid lines are copied into a staging table, duplicates are looked for within the file
 * and against the company's invoices, and only a file without a single error is stored —
 * with one audit event. Otherwise {@link ImportRejected} lists the errors line by line
 * and nothing remains.
 */
@Service
@Transactional
public class InvoiceImports {

	/** Errors listed in the report; all of them are counted. */
	static final int MAX_REPORTED_ERRORS = 200;

	/** Lines beyond this are refused: a remittance is not a data dump. */
	static final int MAX_LINES = 200_000;

	private static final int COPY_BUFFER_CHARS = 64 * 1024;

	private final CompanyManagement companies;

	private final DebtorManagement debtors;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EInvoiceReader reader;

	private final InvoiceManagement invoices;

	InvoiceImports(CompanyManagement companies, DebtorManagement debtors, AuditTrail auditTrail,
			CurrentUser currentUser, DataSource dataSource, JdbcClient jdbc, Clock clock, EInvoiceReader reader,
			InvoiceManagement invoices) {
		this.reader = reader;
		this.invoices = invoices;
		this.companies = companies;
		this.debtors = debtors;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Imports the file for the company.
	 * @throws ImportRejected if any line is wrong; nothing is stored then
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public ImportResult importCsv(CompanyId companyId, InputStreamSource file, String fileName) {
		companies.find(companyId);
		Map<String, DebtorId> debtorsBySiren = new HashMap<>();
		for (DebtorView debtor : debtors.listOf(companyId)) {
			debtorsBySiren.put(debtor.details().siren().value(), debtor.id());
		}
		Charset charset = detectCharset(file);
		Errors errors = new Errors();
		jdbc.sql("""
				create temp table if not exists invoice_import_stage (
				  line bigint not null, id uuid not null, debtor_id uuid not null, kind varchar(12) not null,
				  number varchar(50) not null, issue_date date not null, due_date date not null,
				  amount_excl_vat numeric(19, 2) not null, vat_amount numeric(19, 2) not null,
				  amount_incl_vat numeric(19, 2) not null) on commit drop""").update();
		jdbc.sql("truncate invoice_import_stage").update();
		long lines = stage(file, charset, debtorsBySiren, errors);
		if (lines == 0 && errors.isEmpty()) {
			errors.add(new ImportError(1, "", "invoices.import.error.empty", List.of(), ""));
		}
		if (errors.isEmpty()) {
			findDuplicates(companyId, errors);
		}
		if (!errors.isEmpty()) {
			throw errors.rejection();
		}
		return store(companyId, fileName, lines);
	}

	/**
	 * Takes one e-invoice (Factur-X PDF, CII or UBL XML) as an invoice or credit note of
	 * the debtor whose SIREN is the buyer's.
	 * @throws EInvoiceRejected if the file cannot be read safely or lacks data
	 * @throws UnknownBuyer if no debtor of the company has the buyer's SIREN
	 * @throws EInvoiceRefused if it was issued by another company or not in euros
	 * @throws DuplicateInvoice if the company already has it
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public InvoiceId importEInvoice(CompanyId companyId, byte[] content) {
		CompanyView company = companies.find(companyId);
		EInvoiceData data = reader.read(content);
		if (data.sellerSiren() != null && !data.sellerSiren().equals(company.details().siren().value())) {
			throw new EInvoiceRefused("invoices.einvoice.otherSeller",
					"E-invoice issued by SIREN " + data.sellerSiren() + ", not by the company", data.sellerSiren());
		}
		if (!"EUR".equals(data.currency())) {
			throw new EInvoiceRefused("invoices.einvoice.currency", "E-invoice in " + data.currency(), data.currency());
		}
		if (data.buyerSiren() == null) {
			throw new EInvoiceRefused("invoices.einvoice.noBuyerSiren", "The buyer has no SIREN", data.buyerName());
		}
		if (data.dueDate() == null) {
			throw new EInvoiceRejected(EInvoiceRejected.Reason.MISSING_FIELD, "due date");
		}
		DebtorView debtor = debtors.findBySiren(companyId, Siren.of(data.buyerSiren()))
			.orElseThrow(() -> new UnknownBuyer(data));
		InvoiceDraft draft = new InvoiceDraft(debtor.id(),
				data.creditNote() ? InvoiceKind.CREDIT_NOTE : InvoiceKind.INVOICE, data.number(), data.issueDate(),
				data.dueDate(), Money.eur(data.totalExclVat()), Money.eur(data.vatAmount()),
				Money.eur(data.totalInclVat()));
		return invoices.create(companyId, draft, InvoiceSource.EINVOICE, data.documentId());
	}

	private long stage(InputStreamSource file, Charset charset, Map<String, DebtorId> debtorsBySiren, Errors errors) {
		try (Reader reader = withoutBom(new BufferedReader(new InputStreamReader(file.getInputStream(), charset)))) {
			PushbackReader firstLine = new PushbackReader(reader, 4096);
			char separator = detectSeparator(firstLine);
			CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(separator)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.ofCsvRecord(firstLine);
			Connection connection = DataSourceUtils.getConnection(dataSource);
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy invoice_import_stage from stdin (format text)");
			StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 1024);
			Map<Column, Integer> columns = null;
			long dataLines = 0;
			try {
				for (CsvRecord record : csv) {
					if (columns == null) {
						columns = CsvInvoiceFormat.columns(record.getFields());
						if (!checkHeader(columns, errors)) {
							return 0;
						}
						continue;
					}
					dataLines++;
					if (dataLines > MAX_LINES) {
						errors.add(new ImportError(record.getStartingLineNumber(), "",
								"invoices.import.error.tooManyLines", List.of(MAX_LINES), ""));
						break;
					}
					Optional<String> row = validate(record, columns, debtorsBySiren, errors);
					if (row.isPresent() && errors.isEmpty()) {
						buffer.append(row.get());
						if (buffer.length() >= COPY_BUFFER_CHARS) {
							write(copy, buffer);
						}
					}
				}
				if (errors.isEmpty()) {
					write(copy, buffer);
					copy.endCopy();
				}
				else {
					copy.cancelCopy();
				}
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			if (columns == null) {
				errors.add(new ImportError(1, "", "invoices.import.error.empty", List.of(), ""));
			}
			return dataLines;
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException ex) {
			errors.add(new ImportError(0, "", "invoices.import.error.unreadable", List.of(), ""));
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Staging the import failed", ex);
		}
	}

	private static boolean checkHeader(Map<Column, Integer> columns, Errors errors) {
		boolean complete = true;
		for (Column column : Column.values()) {
			if (column.required && !columns.containsKey(column)) {
				errors.add(new ImportError(1, column.label(), "invoices.import.error.missingColumn",
						List.of(column.label()), ""));
				complete = false;
			}
		}
		return complete;
	}

	/** The line as a COPY text row, or empty when it has errors (added to the report). */
	private Optional<String> validate(CsvRecord record, Map<Column, Integer> columns,
			Map<String, DebtorId> debtorsBySiren, Errors errors) {
		long line = record.getStartingLineNumber();
		Map<Column, String> cells = new EnumMap<>(Column.class);
		for (Map.Entry<Column, Integer> column : columns.entrySet()) {
			int index = column.getValue();
			cells.put(column.getKey(), index < record.getFieldCount() ? record.getField(index) : "");
		}
		int before = errors.count();
		String number = cells.getOrDefault(Column.NUMBER, "").strip();
		Optional<InvoiceKind> kind = CsvInvoiceFormat.kind(cells.getOrDefault(Column.KIND, ""));
		if (kind.isEmpty()) {
			errors.add(line, Column.KIND, "invoices.import.error.kind", cells.get(Column.KIND));
		}
		String siren = cells.getOrDefault(Column.DEBTOR_SIREN, "").replace(" ", "").strip();
		DebtorId debtor = null;
		if (!Siren.isValid(siren)) {
			errors.add(line, Column.DEBTOR_SIREN, "invoices.import.error.siren", siren);
		}
		else {
			debtor = debtorsBySiren.get(siren);
			if (debtor == null) {
				errors.add(line, Column.DEBTOR_SIREN, "invoices.import.error.unknownDebtor", siren);
			}
		}
		Optional<LocalDate> issue = CsvInvoiceFormat.date(cells.getOrDefault(Column.ISSUE_DATE, ""));
		if (issue.isEmpty()) {
			errors.add(line, Column.ISSUE_DATE, "invoices.import.error.date", cells.get(Column.ISSUE_DATE));
		}
		Optional<LocalDate> due = CsvInvoiceFormat.date(cells.getOrDefault(Column.DUE_DATE, ""));
		if (due.isEmpty()) {
			errors.add(line, Column.DUE_DATE, "invoices.import.error.date", cells.get(Column.DUE_DATE));
		}
		Optional<BigDecimal> excl = amount(line, Column.AMOUNT_EXCL_VAT, cells, errors);
		Optional<BigDecimal> vat = amount(line, Column.VAT, cells, errors);
		Optional<BigDecimal> incl = amount(line, Column.AMOUNT_INCL_VAT, cells, errors);
		String currency = cells.getOrDefault(Column.CURRENCY, "").strip();
		if (!currency.isEmpty() && !currency.equalsIgnoreCase("EUR")) {
			errors.add(line, Column.CURRENCY, "invoices.import.error.currency", currency);
		}
		if (issue.isPresent() && due.isPresent() && excl.isPresent() && vat.isPresent() && incl.isPresent()) {
			for (Problem problem : InvoiceDraft.problems(number, issue.get(), due.get(), Money.eur(excl.get()),
					Money.eur(vat.get()), Money.eur(incl.get()))) {
				errors.add(line, columnOf(problem.field()), problem.messageKey(),
						problem.field().equals("number") ? number : cells.get(columnOf(problem.field())));
			}
		}
		else if (number.isEmpty() || number.length() > InvoiceDraft.MAX_NUMBER_LENGTH) {
			errors.add(line, Column.NUMBER, "invoices.error.number", number);
		}
		if (errors.count() > before) {
			return Optional.empty();
		}
		return Optional.of(line + "\t" + UUID.randomUUID() + "\t" + debtor + "\t" + kind.get().name() + "\t"
				+ copyText(number) + "\t" + issue.get() + "\t" + due.get() + "\t" + excl.get().toPlainString() + "\t"
				+ vat.get().toPlainString() + "\t" + incl.get().toPlainString() + "\n");
	}

	private static Optional<BigDecimal> amount(long line, Column column, Map<Column, String> cells, Errors errors) {
		Optional<BigDecimal> amount = CsvInvoiceFormat.amount(cells.getOrDefault(column, ""));
		if (amount.isEmpty()) {
			errors.add(line, column, "invoices.import.error.amount", cells.get(column));
		}
		else if (amount.get().signum() < 0) {
			errors.add(line, column, "invoices.error.negative", cells.get(column));
			return Optional.empty();
		}
		return amount;
	}

	private static Column columnOf(String field) {
		return switch (field) {
			case "number" -> Column.NUMBER;
			case "dueDate" -> Column.DUE_DATE;
			case "issueDate" -> Column.ISSUE_DATE;
			case "amountExclVat" -> Column.AMOUNT_EXCL_VAT;
			case "vatAmount" -> Column.VAT;
			default -> Column.AMOUNT_INCL_VAT;
		};
	}

	private void findDuplicates(CompanyId companyId, Errors errors) {
		jdbc.sql("""
				select line, number, first_line from (
				  select line, number, min(line) over (partition by debtor_id, kind, number) as first_line
				  from invoice_import_stage) lines
				where line > first_line order by line limit ?""")
			.param(MAX_REPORTED_ERRORS)
			.query((rs,
					n) -> errors.add(new ImportError(rs.getLong("line"), Column.NUMBER.label(),
							"invoices.import.error.duplicateInFile", List.of(rs.getLong("first_line")),
							rs.getString("number"))))
			.list();
		jdbc.sql("""
				select s.line, s.number from invoice_import_stage s
				where exists (select 1 from invoice i where i.company_id = ? and i.debtor_id = s.debtor_id
				              and i.kind = s.kind and i.number = s.number and i.status <> 'REJECTED')
				order by s.line limit ?""")
			.params(companyId.value(), MAX_REPORTED_ERRORS)
			.query((rs,
					n) -> errors.add(new ImportError(rs.getLong("line"), Column.NUMBER.label(),
							"invoices.import.error.alreadyRegistered", List.of(), rs.getString("number"))))
			.list();
	}

	private ImportResult store(CompanyId companyId, String fileName, long lines) {
		UUID importId = UUID.randomUUID();
		Instant now = clock.instant();
		String actor = currentUser.actorName();
		jdbc.sql("""
				insert into invoice (id, company_id, debtor_id, kind, number, issue_date, due_date, amount_excl_vat,
				                     vat_amount, amount_incl_vat, open_amount, currency, status, source, import_id,
				                     created_at, created_by, version)
				select id, ?, debtor_id, kind, number, issue_date, due_date, amount_excl_vat, vat_amount,
				       amount_incl_vat, amount_incl_vat, 'EUR', 'OPEN', 'CSV', ?, ?, ?, 0
				from invoice_import_stage order by line""")
			.params(companyId.value(), importId, Timestamp.from(now), actor)
			.update();
		ImportResult result = jdbc.sql("""
				select count(*) filter (where kind = 'INVOICE') as invoices,
				       count(*) filter (where kind = 'CREDIT_NOTE') as credit_notes,
				       coalesce(sum(amount_incl_vat) filter (where kind = 'INVOICE'), 0) as total_invoices,
				       coalesce(sum(amount_incl_vat) filter (where kind = 'CREDIT_NOTE'), 0) as total_credit_notes
				from invoice_import_stage""")
			.query((rs, n) -> new ImportResult(importId, rs.getInt("invoices"), rs.getInt("credit_notes"),
					Money.eur(rs.getBigDecimal("total_invoices")), Money.eur(rs.getBigDecimal("total_credit_notes"))))
			.single();
		auditTrail.record("INVOICES_IMPORTED", "INVOICE_IMPORT", importId.toString(),
				"company " + companyId + ", file " + fileName + ": " + result.invoices() + " invoices ("
						+ result.totalInvoices() + "), " + result.creditNotes() + " credit notes ("
						+ result.totalCreditNotes() + "), " + lines + " lines");
		return result;
	}

	/**
	 * UTF-8 when the whole file decodes as UTF-8 (with or without a BOM); otherwise
	 * Windows-1252, which decodes any byte.
	 */
	static Charset detectCharset(InputStreamSource file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = new BufferedInputStream(file.getInputStream())) {
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			int read;
			while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
				bytes.position(bytes.position() + read);
				bytes.flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return Charset.forName("windows-1252");
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
				return Charset.forName("windows-1252");
			}
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("windows-1252");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code ;} unless the header line has more commas than semicolons. */
	static char detectSeparator(PushbackReader reader) throws IOException {
		char[] head = new char[4096];
		int read = reader.read(head);
		if (read <= 0) {
			return ';';
		}
		reader.unread(head, 0, read);
		int semicolons = 0;
		int commas = 0;
		for (int i = 0; i < read && head[i] != '\n' && head[i] != '\r'; i++) {
			if (head[i] == ';') {
				semicolons++;
			}
			else if (head[i] == ',') {
				commas++;
			}
		}
		return commas > semicolons ? ',' : ';';
	}

	private static Reader withoutBom(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static String copyText(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.length() == 0) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/** The report: the first errors in full, all of them counted. */
	private static final class Errors {

		private final List<ImportError> reported = new ArrayList<>();

		private int count;

		boolean isEmpty() {
			return count == 0;
		}

		int count() {
			return count;
		}

		boolean add(ImportError error) {
			count++;
			if (reported.size() < MAX_REPORTED_ERRORS) {
				reported.add(error);
			}
			return true;
		}

		void add(long line, Column column, String messageKey, String value) {
			add(new ImportError(line, column.label(), messageKey, List.of(), value == null ? "" : value));
		}

		ImportRejected rejection() {
			reported.sort((a, b) -> Long.compare(a.line(), b.line()));
			return new ImportRejected(reported, count);
		}

	}

}
