package io.cessio.invoices;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.StaleEdit;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * A company's invoices and credit notes: entered one by one, changed or deleted while
 * still open, listed with their status. Company users act on their own company only (any
 * other id answers {@link InvoiceNotFound}); factor staff read.
 */
@Service
@Transactional
public class InvoiceManagement {

	static final String ENTITY = "INVOICE";

	private final InvoiceRepository invoices;

	private final CompanyManagement companies;

	private final DebtorManagement debtors;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	InvoiceManagement(InvoiceRepository invoices, CompanyManagement companies, DebtorManagement debtors,
			AuditTrail auditTrail, CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
		this.invoices = invoices;
		this.companies = companies;
		this.debtors = debtors;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Enters an invoice or credit note for one of the company's debtors.
	 * @throws DuplicateInvoice if the debtor already has a live one with this number
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public InvoiceId create(CompanyId companyId, InvoiceDraft draft) {
		return create(companyId, draft, InvoiceSource.FORM, null);
	}

	InvoiceId create(CompanyId companyId, InvoiceDraft draft, InvoiceSource source, @Nullable String einvoiceId) {
		companies.find(companyId);
		requireOwnDebtor(companyId, draft.debtorId());
		requireNoDuplicate(companyId, draft, einvoiceId);
		Invoice invoice = new Invoice(InvoiceId.newId(), companyId, draft, source, einvoiceId, clock.instant(),
				currentUser.actorName());
		try {
			invoices.saveAndFlush(invoice);
		}
		catch (DataIntegrityViolationException concurrentDuplicate) {
			throw new DuplicateInvoice(draft.number());
		}
		auditTrail.record("INVOICE_CREATED", ENTITY, invoice.id().toString(), describe(draft) + " (" + source + ")");
		return invoice.id();
	}

	/** Changes an open invoice, provided nobody saved it since it was read. */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public void change(InvoiceId id, long expectedVersion, InvoiceDraft draft) {
		Invoice invoice = load(id);
		invoice.requireEditable();
		if (invoice.version() != expectedVersion) {
			throw new StaleEdit("Invoice " + invoice.number());
		}
		requireOwnDebtor(invoice.companyId(), draft.debtorId());
		InvoiceView before = invoice.toView();
		if (!before.number().equals(draft.number()) || !before.debtorId().equals(draft.debtorId())
				|| before.kind() != draft.kind()) {
			requireNoDuplicate(invoice.companyId(), draft, null);
		}
		invoice.change(draft);
		invoices.saveAndFlush(invoice);
		auditTrail.record("INVOICE_CHANGED", ENTITY, id.toString(), describe(draft));
	}

	/** Deletes an open invoice (one never submitted). */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public void delete(InvoiceId id) {
		Invoice invoice = load(id);
		invoice.requireEditable();
		jdbc.sql("delete from invoice_attachment where invoice_id = ?").param(id.value()).update();
		invoices.delete(invoice);
		auditTrail.record("INVOICE_DELETED", ENTITY, id.toString(), invoice.number());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public InvoiceView find(InvoiceId id) {
		return load(id).toView();
	}

	/** The company's invoices not yet remitted, oldest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<InvoiceView> openInvoices(CompanyId companyId) {
		companies.find(companyId);
		return invoices.findByCompanyIdAndStatusOrderByIssueDateAscNumberAsc(companyId.value(), InvoiceStatus.OPEN)
			.stream()
			.map(Invoice::toView)
			.toList();
	}

	/**
	 * What the invoices page shows: the first {@link InvoiceList#SHOWN_OPEN} open
	 * invoices (oldest first) with how many there are, and the latest remitted ones, so
	 * that a company with a large import gets a page of a reasonable size.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public InvoiceList listOf(CompanyId companyId) {
		companies.find(companyId);
		UUID company = companyId.value();
		return new InvoiceList(
				invoices.findTop500ByCompanyIdAndStatusOrderByIssueDateAscNumberAsc(company, InvoiceStatus.OPEN)
					.stream()
					.map(Invoice::toView)
					.toList(),
				invoices.countByCompanyIdAndStatus(company, InvoiceStatus.OPEN),
				invoices.findTop200ByCompanyIdAndStatusNotOrderByCreatedAtDesc(company, InvoiceStatus.OPEN)
					.stream()
					.map(Invoice::toView)
					.toList());
	}

	/**
	 * The company's purchased invoices and credit notes still held by the factor, due
	 * date first (the receivables the availability counts).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<InvoiceView> purchasedItems(CompanyId companyId) {
		companies.find(companyId);
		return invoices.findByCompanyIdAndStatusOrderByIssueDateAscNumberAsc(companyId.value(), InvoiceStatus.PURCHASED)
			.stream()
			.map(Invoice::toView)
			.toList();
	}

	/**
	 * What the factor holds on each debtor of the company: what remains open of purchased
	 * invoices less purchased credit notes (incl. VAT). Derived from the invoices, never
	 * stored.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<DebtorId, Money> outstandingByDebtor(CompanyId companyId) {
		companies.find(companyId);
		Map<DebtorId, Money> outstanding = new HashMap<>();
		jdbc.sql("""
				select debtor_id, sum(case kind when 'CREDIT_NOTE' then -open_amount else open_amount end)
				from invoice where company_id = ? and status = 'PURCHASED' group by debtor_id""")
			.param(companyId.value())
			.query((rs, n) -> outstanding.put(new DebtorId(rs.getObject(1, UUID.class)),
					Money.eur(rs.getBigDecimal(2))))
			.list();
		return outstanding;
	}

	/**
	 * The items of a remittance that look like another live invoice of the company: the
	 * same number for the same debtor once case, spaces and punctuation are ignored, or
	 * the same e-invoice.
	 */
	@PreAuthorize("hasRole('ANALYST')")
	@Transactional(readOnly = true)
	public Set<InvoiceId> likelyDuplicatesIn(RemittanceId remittanceId) {
		return new HashSet<>(jdbc.sql("""
				select i.id from invoice i
				where i.remittance_id = ? and exists (
				  select 1 from invoice o
				  where o.company_id = i.company_id and o.id <> i.id and o.status <> 'REJECTED'
				    and ((o.debtor_id = i.debtor_id and o.kind = i.kind
				          and regexp_replace(upper(o.number), '[^A-Z0-9]', '', 'g')
				              = regexp_replace(upper(i.number), '[^A-Z0-9]', '', 'g'))
				         or (i.einvoice_id is not null and o.einvoice_id = i.einvoice_id)))""")
			.param(remittanceId.value())
			.query((rs, n) -> new InvoiceId(rs.getObject(1, UUID.class)))
			.list());
	}

	private void requireOwnDebtor(CompanyId companyId, DebtorId debtorId) {
		DebtorView debtor = debtors.find(debtorId);
		if (!debtor.companyId().equals(companyId)) {
			throw new InvoiceNotFound("debtor " + debtorId);
		}
	}

	private void requireNoDuplicate(CompanyId companyId, InvoiceDraft draft, @Nullable String einvoiceId) {
		boolean duplicate = jdbc.sql("""
				select exists (select 1 from invoice where company_id = ? and status <> 'REJECTED'
				  and ((debtor_id = ? and kind = ? and number = ?) or einvoice_id = cast(? as varchar)))""")
			.params(companyId.value(), draft.debtorId().value(), draft.kind().name(), draft.number(), einvoiceId)
			.query(Boolean.class)
			.single();
		if (duplicate) {
			throw new DuplicateInvoice(draft.number());
		}
	}

	Invoice load(InvoiceId id) {
		return invoices.findById(id)
			.filter(invoice -> currentUser.canSeeCompany(invoice.companyId().value()))
			.orElseThrow(() -> new InvoiceNotFound("invoice " + id));
	}

	static String describe(InvoiceDraft draft) {
		return draft.kind() + " " + draft.number() + ", debtor " + draft.debtorId() + ", " + draft.issueDate() + " → "
				+ draft.dueDate() + ", " + draft.amountExclVat() + " + " + draft.vatAmount() + " = "
				+ draft.amountInclVat();
	}

}
