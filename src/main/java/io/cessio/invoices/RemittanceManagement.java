package io.cessio.invoices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoicesPurchased.PurchasedItem;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * Remittances (bordereaux): the company submits open invoices and credit notes; analysts
 * record a decision on each; the review is completed by one analyst, or confirmed by a
 * second one above the contract's four-eyes threshold; then the approved items are
 * purchased in one transaction (ledger entry, statuses, {@link InvoicesPurchased}).
 */
@Service
@Transactional
public class RemittanceManagement {

	static final String ENTITY = "REMITTANCE";

	private final RemittanceRepository remittances;

	private final InvoiceRepository invoices;

	private final InvoiceManagement invoiceManagement;

	private final CompanyManagement companies;

	private final Ledger ledger;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	RemittanceManagement(RemittanceRepository remittances, InvoiceRepository invoices,
			InvoiceManagement invoiceManagement, CompanyManagement companies, Ledger ledger, AuditTrail auditTrail,
			CurrentUser currentUser, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.remittances = remittances;
		this.invoices = invoices;
		this.invoiceManagement = invoiceManagement;
		this.companies = companies;
		this.ledger = ledger;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Assigns the selected open invoices and credit notes to the factor. They can no
	 * longer be changed or deleted.
	 * @throws InvoiceLocked if one of them was already submitted
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public RemittanceId submit(CompanyId companyId, Collection<InvoiceId> selected) {
		companies.find(companyId);
		Set<InvoiceId> ids = new LinkedHashSet<>(selected);
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("Select at least one invoice or credit note");
		}
		List<Invoice> items = invoices.lockAll(ids);
		if (items.size() != ids.size() || items.stream().anyMatch(item -> !item.companyId().equals(companyId))) {
			throw new InvoiceNotFound("invoice of the selection");
		}
		Instant now = clock.instant();
		long sequence = jdbc.sql("select nextval('remittance_number_seq')").query(Long.class).single();
		String number = "R-" + Year.now(clock) + "-" + String.format("%06d", sequence);
		Remittance remittance = new Remittance(RemittanceId.newId(), companyId, number, items, now,
				currentUser.actorName());
		remittances.save(remittance);
		invoices.saveAll(items);
		auditTrail.record("REMITTANCE_SUBMITTED", ENTITY, remittance.id().toString(),
				number + ": " + items.size() + " items, control total " + remittance.controlTotal());
		return remittance.id();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RemittanceView find(RemittanceId id) {
		return load(id).toView();
	}

	/** The remittance's invoices and credit notes, invoices first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<InvoiceView> itemsOf(RemittanceId id) {
		load(id);
		return invoices.findByRemittanceIdOrderByKindAscNumberAsc(id.value()).stream().map(Invoice::toView).toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RemittanceView> listOf(CompanyId companyId) {
		companies.find(companyId);
		return remittances.findByCompanyIdOrderBySubmittedAtDesc(companyId.value())
			.stream()
			.map(Remittance::toView)
			.toList();
	}

	/** Remittances waiting for an analyst, oldest first. */
	@PreAuthorize("hasRole('ANALYST')")
	@Transactional(readOnly = true)
	public List<RemittanceView> reviewQueue() {
		return remittances
			.findByStatusInOrderBySubmittedAtAsc(
					EnumSet.of(RemittanceStatus.SUBMITTED, RemittanceStatus.AWAITING_SECOND_ANALYST))
			.stream()
			.map(Remittance::toView)
			.toList();
	}

	/**
	 * Records an analyst's decision on an item of a remittance under review; it may be
	 * changed until the review is completed.
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public void decide(InvoiceId invoiceId, InvoiceDecision decision) {
		Invoice invoice = invoiceManagement.load(invoiceId);
		InvoiceView view = invoice.toView();
		if (view.remittanceId() == null) {
			throw new IllegalStateException("Invoice " + view.number() + " is not in a remittance");
		}
		lock(view.remittanceId()).requireUnderReview();
		invoice.decide(decision);
		invoices.saveAndFlush(invoice);
		auditTrail.record(decision.approved() ? "INVOICE_APPROVED" : "INVOICE_REJECTED", InvoiceManagement.ENTITY,
				invoiceId.toString(),
				view.number() + (decision.reasonCode() == null ? "" : ", " + decision.reasonCode())
						+ (decision.reason() == null ? "" : ": " + decision.reason()));
		if (decision.overrideJustification() != null) {
			auditTrail.record("ELIGIBILITY_OVERRIDDEN", InvoiceManagement.ENTITY, invoiceId.toString(),
					view.number() + ", checks " + String.join(",", decision.failedChecks()) + ": "
							+ decision.overrideJustification());
		}
	}

	/**
	 * The analyst has decided every item. At or below the contract's four-eyes threshold
	 * the approved items are purchased at once; above it the remittance waits for a
	 * second analyst. Returns the status reached.
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public RemittanceStatus completeReview(RemittanceId id) {
		Remittance remittance = lock(id);
		List<Invoice> items = invoices.findByRemittanceIdOrderByKindAscNumberAsc(id.value());
		List<String> undecided = items.stream()
			.filter(item -> item.status() == InvoiceStatus.SUBMITTED)
			.map(Invoice::number)
			.toList();
		if (!undecided.isEmpty()) {
			throw new ReviewIncomplete(remittance.number(), undecided);
		}
		ContractTerms terms = companies.find(remittance.companyId()).terms();
		boolean needsSecondAnalyst = remittance.controlTotal().isGreaterThan(terms.fourEyesThreshold());
		boolean purchasable = remittance.reviewed(currentUser.actorName(), clock.instant(), needsSecondAnalyst);
		auditTrail.record("REMITTANCE_REVIEWED", ENTITY, id.toString(), remittance.number()
				+ (needsSecondAnalyst ? ", above the four-eyes threshold " + terms.fourEyesThreshold() : ""));
		if (purchasable) {
			purchase(remittance, items, terms);
		}
		else {
			remittances.save(remittance);
		}
		return remittance.status();
	}

	/**
	 * A second analyst, other than the reviewer, confirms the review; the approved items
	 * are then purchased.
	 * @throws FourEyesRequired if the reviewer tries to confirm their own review
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public RemittanceStatus confirmReview(RemittanceId id) {
		Remittance remittance = lock(id);
		remittance.confirmedBy(currentUser.actorName(), clock.instant());
		auditTrail.record("REMITTANCE_CONFIRMED", ENTITY, id.toString(), remittance.number() + ", second analyst");
		purchase(remittance, invoices.findByRemittanceIdOrderByKindAscNumberAsc(id.value()),
				companies.find(remittance.companyId()).terms());
		return remittance.status();
	}

	/** The second analyst disagrees: the review goes back to the decisions. */
	@PreAuthorize("hasRole('ANALYST')")
	public void sendBack(RemittanceId id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new DecisionRefused("approval.error.reasonRequired", "Sending a review back needs a reason");
		}
		Remittance remittance = lock(id);
		remittance.sentBack();
		remittances.save(remittance);
		auditTrail.record("REMITTANCE_SENT_BACK", ENTITY, id.toString(), remittance.number() + ": " + reason.strip());
	}

	/**
	 * Buys the approved items in the caller's transaction: one purchase entry for the
	 * invoices and the fees, one entry per credit note, the statuses, and the event. A
	 * remittance with nothing approved is rejected as a whole and posts nothing.
	 */
	private void purchase(Remittance remittance, List<Invoice> items, ContractTerms terms) {
		List<Invoice> approved = items.stream().filter(item -> item.status() == InvoiceStatus.APPROVED).toList();
		LocalDate today = LocalDate.now(clock);
		String company = remittance.companyId().toString();
		if (approved.isEmpty()) {
			remittance.rejectedEntirely();
			remittances.save(remittance);
			auditTrail.record("REMITTANCE_REJECTED", ENTITY, remittance.id().toString(), remittance.number());
			return;
		}
		Money invoicesTotal = Money.zero(Money.EUR);
		Money creditNotesTotal = Money.zero(Money.EUR);
		int invoiceCount = 0;
		List<PurchasedItem> purchased = new ArrayList<>();
		for (Invoice item : approved) {
			InvoiceView view = item.toView();
			if (item.kind() == InvoiceKind.INVOICE) {
				invoicesTotal = invoicesTotal.plus(view.amountInclVat());
				invoiceCount++;
			}
			else {
				creditNotesTotal = creditNotesTotal.plus(view.amountInclVat());
				ledger.post(PostingRules.creditNote(company,
						remittance.number() + "/" + view.number() + "/" + view.id().value().toString().substring(0, 8),
						today, view.amountInclVat()));
			}
			item.markPurchased();
			purchased.add(new PurchasedItem(view.id(), view.debtorId(), view.kind(), view.number(), view.dueDate(),
					view.amountInclVat()));
		}
		PurchaseFees fees = PurchaseFees.of(terms, invoicesTotal, invoiceCount);
		Long entryId = null;
		if (invoicesTotal.isPositive()) {
			entryId = ledger.post(PostingRules.purchase(company, remittance.number(), today, invoicesTotal,
					fees.commission(), fees.invoiceFees(), fees.vat()));
		}
		remittance.purchased(today, entryId, fees.commission(), fees.invoiceFees(), fees.vat());
		remittances.save(remittance);
		invoices.saveAll(approved);
		auditTrail.record("REMITTANCE_PURCHASED", ENTITY, remittance.id().toString(),
				remittance.number() + ": " + approved.size() + " items, invoices " + invoicesTotal + ", credit notes "
						+ creditNotesTotal + ", fees " + fees.total() + " (commission " + fees.commission()
						+ ", per-invoice " + fees.invoiceFees() + ", VAT " + fees.vat() + ")");
		events.publishEvent(new InvoicesPurchased(remittance.id(), remittance.number(), remittance.companyId(), today,
				purchased, invoicesTotal, creditNotesTotal, fees.total(), clock.instant()));
	}

	/** The debtors of the remittance, for its notification letters. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DebtorId> debtorsOf(RemittanceId id) {
		load(id);
		return jdbc.sql("select distinct debtor_id from invoice where remittance_id = ?")
			.param(id.value())
			.query((rs, n) -> new DebtorId(rs.getObject(1, UUID.class)))
			.list();
	}

	private Remittance lock(RemittanceId id) {
		return remittances.lockById(id)
			.filter(remittance -> currentUser.canSeeCompany(remittance.companyId().value()))
			.orElseThrow(() -> new InvoiceNotFound("remittance " + id));
	}

	private Remittance load(RemittanceId id) {
		return remittances.findById(id)
			.filter(remittance -> currentUser.canSeeCompany(remittance.companyId().value()))
			.orElseThrow(() -> new InvoiceNotFound("remittance " + id));
	}

}
