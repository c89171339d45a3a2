package io.cessio.companies;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.platform.security.CurrentUser;

/**
 * Onboards client companies and keeps their details and contract terms. Factor staff see
 * every company; a company user sees only their own, and any other id answers
 * {@link CompanyNotFound}.
 */
@Service
@Transactional
public class CompanyManagement {

	static final String ENTITY = "COMPANY";

	private final CompanyRepository companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CompanyManagement(CompanyRepository companies, AuditTrail auditTrail, CurrentUser currentUser,
			ApplicationEventPublisher events, Clock clock) {
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a client company with its contract terms. */
	@PreAuthorize("hasRole('ADMIN')")
	public CompanyId onboard(CompanyDetails details, ContractTerms terms) {
		return onboardAs(details, terms);
	}

	/**
	 * Onboarding without a signed-in user, for start-up seeding; recorded as
	 * {@code system}.
	 */
	CompanyId onboardAs(CompanyDetails details, ContractTerms terms) {
		if (companies.existsBySiren(details.siren())) {
			throw new DuplicateSiren(details.siren());
		}
		Instant now = clock.instant();
		Company company = new Company(CompanyId.newId(), details, terms, now);
		companies.save(company);
		auditTrail.record("COMPANY_ONBOARDED", ENTITY, company.id().toString(),
				details.legalName() + " (SIREN " + details.siren().formatted() + "), " + terms);
		events.publishEvent(new CompanyOnboarded(company.id(), details.legalName(), now));
		return company.id();
	}

	/**
	 * Changes a company's details and terms, provided nobody saved it since
	 * {@code expectedVersion} was read.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void change(CompanyId id, long expectedVersion, CompanyDetails details, ContractTerms terms) {
		Company company = companies.findById(id).orElseThrow(() -> new CompanyNotFound(id));
		if (company.version() != expectedVersion) {
			throw new StaleEdit("Company " + company.details().legalName());
		}
		if (!company.details().siren().equals(details.siren()) && companies.existsBySiren(details.siren())) {
			throw new DuplicateSiren(details.siren());
		}
		ContractTerms termsBefore = company.terms();
		List<String> changes = company.change(details, terms);
		if (changes.isEmpty()) {
			return;
		}
		companies.saveAndFlush(company);
		auditTrail.record("COMPANY_CHANGED", ENTITY, id.toString(), String.join("; ", changes));
		if (!termsBefore.equals(terms)) {
			events.publishEvent(new CompanyTermsChanged(id, terms, clock.instant()));
		}
	}

	/** One company, if the current user may see it. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public CompanyView find(CompanyId id) {
		if (!currentUser.canSeeCompany(id.value())) {
			throw new CompanyNotFound(id);
		}
		return companies.findById(id).map(Company::toView).orElseThrow(() -> new CompanyNotFound(id));
	}

	/** The companies with these ids that the current user may see, in one query. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<CompanyId, CompanyView> findAll(Collection<CompanyId> ids) {
		return companies.findAllWithIds(ids.stream().map(CompanyId::value).distinct().toArray(UUID[]::new))
			.stream()
			.filter(company -> currentUser.canSeeCompany(company.id().value()))
			.map(Company::toView)
			.collect(Collectors.toMap(CompanyView::id, view -> view));
	}

	/** Every client company, by name; factor staff only. */
	@PreAuthorize("hasAnyRole('ANALYST', 'OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CompanyView> list() {
		return companies.findAllByOrderByLegalNameAsc().stream().map(Company::toView).toList();
	}

	/**
	 * The id of the company with this SIREN, for start-up seeding by other modules (no
	 * signed-in user there); pages go through {@link #find}.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<CompanyId> findIdBySiren(io.cessio.shared.Siren siren) {
		return companies.findBySiren(siren).map(Company::id);
	}

	@Transactional(readOnly = true)
	boolean exists(CompanyId id) {
		return companies.existsById(id);
	}

}
