package io.cessio.debtors;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.StaleEdit;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Siren;

/**
 * Registers a company's debtors and records the factor's decisions about them. A company
 * user sees and registers only their own company's debtors (any other id answers
 * {@link DebtorNotFound}); only analysts set approvals, blocking and insurance.
 */
@Service
@Transactional
public class DebtorManagement {

	static final String ENTITY = "DEBTOR";

	private final DebtorRepository debtors;

	private final CompanyManagement companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final Clock clock;

	DebtorManagement(DebtorRepository debtors, CompanyManagement companies, AuditTrail auditTrail,
			CurrentUser currentUser, Clock clock) {
		this.debtors = debtors;
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Registers a customer of the company.
	 * @throws DuplicateDebtor if the company already has a debtor with this SIREN
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public DebtorId register(CompanyId companyId, DebtorDetails details) {
		companies.find(companyId);
		if (debtors.existsByCompanyIdAndSiren(companyId.value(), details.siren())) {
			throw new DuplicateDebtor(details.siren());
		}
		Debtor debtor = new Debtor(DebtorId.newId(), companyId, details, clock.instant());
		debtors.save(debtor);
		auditTrail.record("DEBTOR_REGISTERED", ENTITY, debtor.id().toString(),
				"company " + companyId + ": " + details.legalName() + " (SIREN " + details.siren().formatted() + ")");
		return debtor.id();
	}

	/** The company changes its customer's details (not what the factor decided). */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public void change(DebtorId id, long expectedVersion, DebtorDetails details) {
		Debtor debtor = load(id);
		if (debtor.version() != expectedVersion) {
			throw new StaleEdit("Debtor " + debtor.details().legalName());
		}
		if (!debtor.details().siren().equals(details.siren())
				&& debtors.existsByCompanyIdAndSiren(debtor.companyId().value(), details.siren())) {
			throw new DuplicateDebtor(details.siren());
		}
		List<String> changes = debtor.change(details);
		if (!changes.isEmpty()) {
			debtors.saveAndFlush(debtor);
			auditTrail.record("DEBTOR_CHANGED", ENTITY, id.toString(), String.join("; ", changes));
		}
	}

	/** Sets or removes (null) the factor's approval of the debtor. */
	@PreAuthorize("hasRole('ANALYST')")
	public void setApproval(DebtorId id, @Nullable Approval approval) {
		Debtor debtor = load(id);
		debtor.approve(approval);
		auditTrail.record("DEBTOR_APPROVAL_SET", ENTITY, id.toString(), approval == null ? "approval withdrawn"
				: "limit " + approval.limit() + " until " + approval.expiresOn());
	}

	@PreAuthorize("hasRole('ANALYST')")
	public void block(DebtorId id, String reason) {
		String stripped = reason == null ? "" : reason.strip();
		if (stripped.isEmpty() || stripped.length() > 500) {
			throw new IllegalArgumentException("A block needs a reason of 1 to 500 characters");
		}
		load(id).block(stripped);
		auditTrail.record("DEBTOR_BLOCKED", ENTITY, id.toString(), stripped);
	}

	@PreAuthorize("hasRole('ANALYST')")
	public void unblock(DebtorId id) {
		load(id).unblock();
		auditTrail.record("DEBTOR_UNBLOCKED", ENTITY, id.toString(), "unblocked");
	}

	/** Sets or removes (null) the credit insurance on the debtor. */
	@PreAuthorize("hasRole('ANALYST')")
	public void setInsurance(DebtorId id, @Nullable CreditInsurance insurance) {
		load(id).insure(insurance);
		auditTrail.record("DEBTOR_INSURANCE_SET", ENTITY, id.toString(),
				insurance == null ? "insurance removed" : insurance.insurer() + ", limit " + insurance.insuredLimit()
						+ ", cover " + insurance.cover().percent() + " %");
	}

	/**
	 * Records that the debtor has been sent its notification letter; the first time only.
	 */
	@PreAuthorize("isAuthenticated()")
	public void markNotified(DebtorId id) {
		Debtor debtor = load(id);
		if (debtor.markNotified(clock.instant())) {
			auditTrail.record("DEBTOR_NOTIFIED", ENTITY, id.toString(), "notification letter issued");
		}
	}

	/** One debtor, if the current user may see its company. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public DebtorView find(DebtorId id) {
		return load(id).toView();
	}

	/** The company's debtors, by name. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DebtorView> listOf(CompanyId companyId) {
		companies.find(companyId);
		return debtors.findByCompanyIdOrderByLegalNameAsc(companyId.value()).stream().map(Debtor::toView).toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<DebtorView> findBySiren(CompanyId companyId, Siren siren) {
		companies.find(companyId);
		return debtors.findByCompanyIdAndSiren(companyId.value(), siren).map(Debtor::toView);
	}

	/** Several debtors at once, keyed by id; ids of other companies are left out. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<DebtorId, DebtorView> findAll(Collection<DebtorId> ids) {
		return debtors.findAllById(ids)
			.stream()
			.filter(debtor -> currentUser.canSeeCompany(debtor.companyId().value()))
			.map(Debtor::toView)
			.collect(Collectors.toMap(DebtorView::id, view -> view));
	}

	private Debtor load(DebtorId id) {
		return debtors.findById(id)
			.filter(debtor -> currentUser.canSeeCompany(debtor.companyId().value()))
			.orElseThrow(() -> new DebtorNotFound(id.toString()));
	}

}
