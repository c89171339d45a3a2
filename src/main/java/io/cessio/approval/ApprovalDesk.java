package io.cessio.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.InvoiceDecision;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceStatus;
import io.cessio.invoices.InvoiceView;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceManagement;
import io.cessio.invoices.RemittanceStatus;
import io.cessio.invoices.RemittanceView;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * The analysts' desk: the queue of remittances, each item's eligibility checks, and the
 * decisions. Approving an item that fails a check needs a typed justification, kept in
 * the audit trail; rejecting needs a reason.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ANALYST')")
public class ApprovalDesk {

	private final RemittanceManagement remittances;

	private final InvoiceManagement invoices;

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	private final CurrentUser currentUser;

	private final Clock clock;

	ApprovalDesk(RemittanceManagement remittances, InvoiceManagement invoices, DebtorManagement debtors,
			CompanyManagement companies, CurrentUser currentUser, Clock clock) {
		this.remittances = remittances;
		this.invoices = invoices;
		this.debtors = debtors;
		this.companies = companies;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Remittances waiting for an analyst, oldest first, with their age. */
	@Transactional(readOnly = true)
	public List<QueueEntry> queue() {
		Instant now = clock.instant();
		Map<CompanyId, String> names = new HashMap<>();
		return remittances.reviewQueue()
			.stream()
			.map(remittance -> new QueueEntry(remittance,
					names.computeIfAbsent(remittance.companyId(), id -> companies.find(id).legalName()),
					remittance.age(now), remittance.ageLevel(now)))
			.toList();
	}

	/** The remittance with every item's debtor and failed checks, as of today. */
	@Transactional(readOnly = true)
	public ReviewSheet review(RemittanceId id) {
		RemittanceView remittance = remittances.find(id);
		CompanyView company = companies.find(remittance.companyId());
		ContractTerms terms = company.terms();
		List<InvoiceView> items = remittances.itemsOf(id)
			.stream()
			.sorted((a, b) -> a.issueDate().equals(b.issueDate()) ? a.number().compareTo(b.number())
					: a.issueDate().compareTo(b.issueDate()))
			.toList();
		Map<DebtorId, DebtorView> debtorViews = debtors
			.findAll(items.stream().map(InvoiceView::debtorId).collect(Collectors.toSet()));
		Map<DebtorId, Money> debtorExposure = new HashMap<>(invoices.outstandingByDebtor(company.id()));
		Money portfolio = debtorExposure.values().stream().reduce(Money.zero(Money.EUR), Money::plus);
		Money portfolioAfter = portfolio;
		for (InvoiceView item : items) {
			if (item.status() != InvoiceStatus.REJECTED && !item.isCreditNote()) {
				portfolioAfter = portfolioAfter.plus(item.amountInclVat());
			}
		}
		Set<InvoiceId> duplicates = invoices.likelyDuplicatesIn(id);
		LocalDate today = LocalDate.now(clock);
		List<ReviewSheet.Line> lines = new ArrayList<>();
		Money portfolioExposure = portfolio;
		for (InvoiceView item : items) {
			DebtorView debtor = debtorViews.get(item.debtorId());
			Money onDebtor = debtorExposure.getOrDefault(item.debtorId(), Money.zero(Money.EUR));
			EligibilityInput input = new EligibilityInput(item.isCreditNote(), item.amountInclVat(), item.issueDate(),
					item.dueDate(), today, debtor.approval(), debtor.blocked(), onDebtor, portfolioExposure,
					portfolioAfter, terms.concentrationLimit(), terms.facilityLimit(), terms.maxTermDays(),
					duplicates.contains(item.id()));
			lines.add(new ReviewSheet.Line(item, debtor, EligibilityRules.check(input)));
			if (item.status() != InvoiceStatus.REJECTED && !item.isCreditNote()) {
				debtorExposure.put(item.debtorId(), onDebtor.plus(item.amountInclVat()));
				portfolioExposure = portfolioExposure.plus(item.amountInclVat());
			}
		}
		return new ReviewSheet(remittance, company.legalName(), terms, lines,
				remittance.controlTotal().isGreaterThan(terms.fourEyesThreshold()));
	}

	/**
	 * Approves one item. If it fails checks, {@code justification} must say why it is
	 * approved all the same.
	 */
	public void approve(InvoiceId id, @Nullable String justification) {
		ReviewSheet.Line line = lineOf(id);
		remittances.decide(id, new InvoiceDecision(true, null, null, line.eligible() ? null : justification,
				line.failedCodes(), currentUser.actorName(), clock.instant()));
	}

	/**
	 * Rejects one item, with a reason code (a failed check or {@code OTHER}) and text.
	 */
	public void reject(InvoiceId id, @Nullable String reasonCode, String reason) {
		ReviewSheet.Line line = lineOf(id);
		String code = reasonCode == null || reasonCode.isBlank() ? "OTHER" : reasonCode;
		remittances.decide(id, new InvoiceDecision(false, code, reason, null, line.failedCodes(),
				currentUser.actorName(), clock.instant()));
	}

	/**
	 * Approves every undecided item that passes all checks; the others are left for a
	 * decision one by one. Returns how many were approved.
	 */
	public int approveAllEligible(RemittanceId id) {
		int approved = 0;
		for (ReviewSheet.Line line : review(id).lines()) {
			if (line.item().status() == InvoiceStatus.SUBMITTED && line.eligible()) {
				remittances.decide(line.item().id(), new InvoiceDecision(true, null, null, null, List.of(),
						currentUser.actorName(), clock.instant()));
				approved++;
			}
		}
		return approved;
	}

	/** Rejects every undecided item with the same reason. Returns how many. */
	public int rejectAllUndecided(RemittanceId id, String reason) {
		int rejected = 0;
		for (ReviewSheet.Line line : review(id).lines()) {
			if (line.item().status() == InvoiceStatus.SUBMITTED) {
				remittances.decide(line.item().id(), new InvoiceDecision(false, "OTHER", reason, null,
						line.failedCodes(), currentUser.actorName(), clock.instant()));
				rejected++;
			}
		}
		return rejected;
	}

	/** Completes the review; purchases now, or waits for a second analyst. */
	public RemittanceStatus complete(RemittanceId id) {
		return remittances.completeReview(id);
	}

	/** The second analyst confirms; the approved items are purchased. */
	public RemittanceStatus confirm(RemittanceId id) {
		return remittances.confirmReview(id);
	}

	public void sendBack(RemittanceId id, String reason) {
		remittances.sendBack(id, reason);
	}

	private ReviewSheet.Line lineOf(InvoiceId id) {
		InvoiceView item = invoices.find(id);
		if (item.remittanceId() == null) {
			throw new io.cessio.invoices.InvoiceNotFound("invoice under review " + id);
		}
		return review(item.remittanceId()).line(id);
	}

}
