package io.cessio.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.debtors.PayerAccounts;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceStatus;
import io.cessio.invoices.InvoiceView;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/**
 * The suspense work queue, for the company's users and operations: money received and not
 * identified, with the matcher's suggestions; a person allocates it (split across
 * invoices) or gives it back to the company. Every decision is audited, and an allocation
 * teaches the matcher the payer's IBAN.
 */
@Service
@Transactional
public class SuspenseQueue {

	private final Lettrage.MatchingBooks books;

	private final AllocationWriter writer;

	private final CompanyManagement companies;

	private final InvoiceManagement invoices;

	private final PayerAccounts payerAccounts;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	SuspenseQueue(Lettrage.MatchingBooks books, AllocationWriter writer, CompanyManagement companies,
			InvoiceManagement invoices, PayerAccounts payerAccounts, AuditTrail auditTrail, CurrentUser currentUser,
			JdbcClient jdbc, Clock clock) {
		this.books = books;
		this.writer = writer;
		this.companies = companies;
		this.invoices = invoices;
		this.payerAccounts = payerAccounts;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every company's money in suspense, oldest first (operations). */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<SuspenseItem> all() {
		Map<CompanyId, String> names = companies.list()
			.stream()
			.collect(Collectors.toMap(CompanyView::id, CompanyView::legalName, (a, b) -> a));
		return jdbc.sql(SELECT + " where kind = 'RECEIPT' and unallocated > 0 order by value_date, id limit 500")
			.query((rs, n) -> item(rs, names))
			.list();
	}

	/** The company's money in suspense, oldest first. */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<SuspenseItem> of(CompanyId companyId) {
		CompanyView company = companies.find(companyId);
		return jdbc
			.sql(SELECT + " where company_id = ? and kind = 'RECEIPT' and unallocated > 0 order by value_date, id")
			.param(companyId.value())
			.query((rs, n) -> item(rs, Map.of(companyId, company.legalName())))
			.list();
	}

	/** One receipt of the company, with its allocations and suggestions for its rest. */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public ReceiptDetail receipt(UUID entryId) {
		CompanyId companyId = companyOf(entryId);
		CompanyView company = companies.find(companyId);
		SuspenseItem item = jdbc.sql(SELECT + " where id = ? and company_id = ? and kind = 'RECEIPT'")
			.params(entryId, companyId.value())
			.query((rs, n) -> item(rs, Map.of(companyId, company.legalName())))
			.optional()
			.orElseThrow(() -> new ReceiptNotFound(entryId.toString()));
		List<AllocationView> allocations = jdbc
			.sql("select * from allocation where statement_entry_id = ? order by decided_at, id")
			.param(entryId)
			.query((rs, n) -> new AllocationView(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
					AllocationKind.valueOf(rs.getString("kind")), Money.eur(rs.getBigDecimal("amount")),
					rs.getString("pass"), rs.getBigDecimal("score"), rs.getString("decided_by"),
					rs.getTimestamp("decided_at").toInstant()))
			.list();
		List<Suggestion> suggestions = item.unallocated().isPositive()
				? books.of(companyId).matching().suggest(read(companyId, entryId, false).toReceipt(), 5) : List.of();
		return new ReceiptDetail(item, allocations, suggestions);
	}

	/**
	 * Allocates (part of) a receipt to the company's invoices, as a person decided; the
	 * payer's IBAN is remembered for the first invoice's debtor.
	 * @throws AllocationRefused above what is left of the receipt, or for an invoice that
	 * cannot take the payment
	 */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	public void allocate(UUID entryId, long expectedVersion, List<ManualAllocation> parts) {
		CompanyId companyId = companyOf(entryId);
		companies.find(companyId);
		if (parts.isEmpty()) {
			throw new AllocationRefused("suspense.error.nothing", "Nothing to allocate");
		}
		Lettrage.lockCompany(jdbc, companyId);
		ReceiptRow receipt = load(companyId, entryId);
		checkVersion(receipt, expectedVersion);
		Money total = parts.stream().map(ManualAllocation::amount).reduce(Money::plus).orElseThrow();
		if (total.amount().compareTo(receipt.unallocated()) > 0) {
			throw new AllocationRefused("suspense.error.tooMuch",
					"Allocations of " + total + " exceed the " + receipt.unallocated() + " left");
		}
		List<PlannedAllocation> planned = parts.stream().map(part -> {
			InvoiceView invoice = invoices.find(part.invoiceId());
			if (!invoice.companyId().equals(companyId) || invoice.isCreditNote()) {
				throw new AllocationRefused("suspense.error.invoice", "Not an invoice of this company");
			}
			if (part.amount().isGreaterThan(invoice.openAmount())) {
				throw new AllocationRefused("suspense.error.aboveOpen",
						"Invoice " + invoice.number() + " has " + invoice.openAmount() + " open");
			}
			AllocationKind kind;
			if (invoice.status() == InvoiceStatus.PURCHASED) {
				kind = AllocationKind.COLLECTION;
			}
			else if (invoice.status() == InvoiceStatus.OPEN || invoice.status() == InvoiceStatus.REJECTED) {
				kind = AllocationKind.NON_ASSIGNED;
			}
			else {
				throw new AllocationRefused("suspense.error.invoice",
						"Invoice " + invoice.number() + " is " + invoice.status());
			}
			return new PlannedAllocation(invoice.id().value(), kind, part.amount().amount(), MatchPass.MANUAL,
					BigDecimal.ONE.setScale(2));
		}).toList();
		writer.book(companyId, Map.of(receipt, planned), currentUser.actorName());
		if (receipt.payerIban() != null && Iban.isValid(receipt.payerIban())) {
			payerAccounts.remember(invoices.find(parts.get(0).invoiceId()).debtorId(), Iban.of(receipt.payerIban()));
		}
		auditTrail.record("RECEIPT_ALLOCATED", Lettrage.ENTITY, entryId.toString(),
				total + " to "
						+ parts.stream()
							.map(part -> invoices.find(part.invoiceId()).number() + " (" + part.amount() + ")")
							.collect(Collectors.joining(", ")));
	}

	/**
	 * Gives what is left of a receipt back to the company (its own money, or nobody's
	 * invoice): it moves to the company-available portion.
	 */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	public void returnToCompany(UUID entryId, long expectedVersion, String reason) {
		CompanyId companyId = companyOf(entryId);
		companies.find(companyId);
		if (reason == null || reason.isBlank()) {
			throw new AllocationRefused("suspense.error.reason", "A reason is needed");
		}
		Lettrage.lockCompany(jdbc, companyId);
		ReceiptRow receipt = load(companyId, entryId);
		checkVersion(receipt, expectedVersion);
		writer.book(companyId,
				Map.of(receipt, List.of(new PlannedAllocation(null, AllocationKind.RETURNED_TO_COMPANY,
						receipt.unallocated(), MatchPass.MANUAL, BigDecimal.ONE.setScale(2)))),
				currentUser.actorName());
		auditTrail.record("RECEIPT_RETURNED_TO_COMPANY", Lettrage.ENTITY, entryId.toString(),
				Money.eur(receipt.unallocated()) + ": " + reason.strip());
	}

	/**
	 * The company of a receipt; the caller then checks that the user may see it (a
	 * foreign or unknown id answers "not found" alike).
	 */
	private CompanyId companyOf(UUID entryId) {
		return jdbc.sql("select company_id from statement_entry where id = ? and kind = 'RECEIPT'")
			.param(entryId)
			.query((rs, n) -> new CompanyId(rs.getObject(1, UUID.class)))
			.optional()
			.orElseThrow(() -> new ReceiptNotFound(entryId.toString()));
	}

	private ReceiptRow load(CompanyId companyId, UUID entryId) {
		return read(companyId, entryId, true);
	}

	private ReceiptRow read(CompanyId companyId, UUID entryId, boolean forUpdate) {
		return jdbc
			.sql("select " + ReceiptRow.COLUMNS
					+ " from statement_entry where id = ? and company_id = ? and kind = 'RECEIPT'"
					+ (forUpdate ? " for update" : ""))
			.params(entryId, companyId.value())
			.query((rs, n) -> ReceiptRow.read(rs))
			.optional()
			.orElseThrow(() -> new ReceiptNotFound(entryId.toString()));
	}

	private static void checkVersion(ReceiptRow receipt, long expectedVersion) {
		if (receipt.version() != expectedVersion) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"Receipt " + receipt.id() + " changed meanwhile");
		}
		if (receipt.unallocated().signum() == 0) {
			throw new AllocationRefused("suspense.error.nothingLeft", "Nothing is left of this receipt");
		}
	}

	private static final String SELECT = """
			select id, company_id, value_date, amount, unallocated, payer_name, payer_iban, remittance_text, state,
			       version from statement_entry""";

	private SuspenseItem item(ResultSet rs, Map<CompanyId, String> names) throws SQLException {
		CompanyId companyId = new CompanyId(rs.getObject("company_id", UUID.class));
		LocalDate valueDate = rs.getDate("value_date").toLocalDate();
		return new SuspenseItem(rs.getObject("id", UUID.class), companyId, names.getOrDefault(companyId, "?"),
				valueDate, Money.eur(rs.getBigDecimal("amount")), Money.eur(rs.getBigDecimal("unallocated")),
				rs.getString("payer_name"), rs.getString("payer_iban"), rs.getString("remittance_text"),
				EntryState.valueOf(rs.getString("state")),
				Math.max(0, ChronoUnit.DAYS.between(valueDate, LocalDate.now(clock))), rs.getLong("version"));
	}

}
