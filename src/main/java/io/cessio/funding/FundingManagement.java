package io.cessio.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.Disputes;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceView;
import io.cessio.ledger.Ledger;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * A company's availability and its payouts. The availability is computed on every read
 * from the ledger (funds in use) and the purchased invoices (DOMAIN.md §3.2); payouts are
 * requested here, serialised per company, and executed by {@link PayoutRunner}.
 */
@Service
@Transactional
public class FundingManagement {

	static final String ENTITY = "PAYOUT";

	private final CompanyManagement companies;

	private final DebtorManagement debtors;

	private final InvoiceManagement invoices;

	private final Ledger ledger;

	private final PayoutRepository payouts;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Disputes disputes;

	FundingManagement(CompanyManagement companies, DebtorManagement debtors, InvoiceManagement invoices, Ledger ledger,
			PayoutRepository payouts, AuditTrail auditTrail, CurrentUser currentUser, JdbcClient jdbc, Clock clock,
			Disputes disputes) {
		this.disputes = disputes;
		this.companies = companies;
		this.debtors = debtors;
		this.invoices = invoices;
		this.ledger = ledger;
		this.payouts = payouts;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The company's availability today, line by line. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Availability availability(CompanyId companyId) {
		return availability(companyId, LocalDate.now(clock));
	}

	/** The company's availability at a business date (entries effective up to it). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Availability availability(CompanyId companyId, LocalDate asOf) {
		CompanyView company = companies.find(companyId);
		List<InvoiceView> purchased = invoices.purchasedItems(companyId);
		Set<DebtorId> debtorIds = purchased.stream().map(InvoiceView::debtorId).collect(Collectors.toSet());
		Map<DebtorId, DebtorView> debtorViews = debtors.findAll(debtorIds);
		Map<DebtorId, DebtorStanding> standings = new HashMap<>();
		debtorViews.forEach((id, view) -> standings.put(id, new DebtorStanding(view.approval(), view.blocked())));
		Map<InvoiceId, Money> disputed = disputes.openAmounts(companyId);
		List<Receivable> receivables = purchased.stream()
			.map(item -> new Receivable(item.id(), item.debtorId(), debtorViews.get(item.debtorId()).legalName(),
					item.number(), item.isCreditNote(), item.dueDate(), item.openAmount(),
					disputed.getOrDefault(item.id(), Money.zero(Money.EUR))))
			.toList();
		return AvailabilityCalculator.compute(asOf, company.terms(), receivables, standings,
				ledger.fundsInUse(companyId.toString(), asOf), pendingPayouts(companyId));
	}

	/**
	 * The company asks for a draw; the same {@code requestKey} (the form's one-time
	 * token) draws once.
	 * @throws DrawRefused above what can be drawn
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public UUID requestDraw(CompanyId companyId, Money amount, String requestKey) {
		companies.find(companyId);
		return request(companyId, PayoutKind.DRAW, amount, "DRAW:" + requestKey, true);
	}

	/**
	 * After a purchase, with the contract's auto-payout on: the whole availability, once
	 * per remittance. Returns the payout, if any was due.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Optional<UUID> requestAfterPurchase(CompanyId companyId, String remittanceNumber) {
		return requestWholeAvailability(companyId, PayoutKind.AFTER_PURCHASE, "AFTER_PURCHASE:" + remittanceNumber);
	}

	/**
	 * Pays back what collections released (the reserve), when the availability is
	 * positive; once per {@code reason} (for example a sweep run and account).
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Optional<UUID> requestReserveRefund(CompanyId companyId, String reason) {
		return requestWholeAvailability(companyId, PayoutKind.RESERVE_REFUND, "RESERVE_REFUND:" + reason);
	}

	private Optional<UUID> requestWholeAvailability(CompanyId companyId, PayoutKind kind, String requestKey) {
		lockCompany(companyId);
		Optional<Payout> existing = payouts.findByRequestKey(requestKey);
		if (existing.isPresent()) {
			return Optional.of(existing.get().id());
		}
		Money drawable = availability(companyId).drawable();
		if (!drawable.isPositive()) {
			return Optional.empty();
		}
		return Optional.of(request(companyId, kind, drawable, requestKey, false));
	}

	private UUID request(CompanyId companyId, PayoutKind kind, Money amount, String requestKey,
			boolean checkAvailability) {
		lockCompany(companyId);
		Optional<Payout> existing = payouts.findByRequestKey(requestKey);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		if (checkAvailability) {
			Money drawable = availability(companyId).drawable();
			if (!amount.isPositive() || amount.isGreaterThan(drawable)) {
				throw new DrawRefused(amount, drawable.isNegative() ? Money.zero(Money.EUR) : drawable);
			}
		}
		Payout payout = new Payout(UUID.randomUUID(), companyId, kind, amount, requestKey, clock.instant(),
				currentUser.actorName());
		payouts.save(payout);
		auditTrail.record("PAYOUT_REQUESTED", ENTITY, payout.id().toString(),
				kind + " of " + amount + " for company " + companyId + ", due within 24 h");
		return payout.id();
	}

	/** The company's payouts, newest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<PayoutView> payoutsOf(CompanyId companyId) {
		companies.find(companyId);
		return payouts.findTop100ByCompanyIdOrderByRequestedAtDesc(companyId.value())
			.stream()
			.map(Payout::toView)
			.toList();
	}

	/** Pending payouts, oldest first, and the latest executed ones. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public PayoutBoard board() {
		return new PayoutBoard(
				payouts.findByStatusOrderByRequestedAtAsc(PayoutStatus.PENDING).stream().map(Payout::toView).toList(),
				payouts.findTop100ByStatusOrderByExecutedAtDesc(PayoutStatus.EXECUTED)
					.stream()
					.map(Payout::toView)
					.toList(),
				clock.instant());
	}

	Money pendingPayouts(CompanyId companyId) {
		BigDecimal pending = jdbc
			.sql("select coalesce(sum(amount), 0) from payout where company_id = ? and status = 'PENDING'")
			.param(companyId.value())
			.query(BigDecimal.class)
			.single();
		return Money.eur(pending);
	}

	/**
	 * Requests and executions of one company's payouts go one at a time, on every
	 * instance.
	 */
	void lockCompany(CompanyId companyId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('cessio.payout'), hashtext(?))")
			.param(companyId.toString())
			.query()
			.singleValue();
	}

}
