package io.cessio.companies;

import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;

/** Keeps the factor's own identity (one record, edited by an administrator). */
@Service
@Transactional
public class FactorManagement {

	private final FactorProfileRepository profiles;

	private final AuditTrail auditTrail;

	FactorManagement(FactorProfileRepository profiles, AuditTrail auditTrail) {
		this.profiles = profiles;
		this.auditTrail = auditTrail;
	}

	/** The factor's details, or empty until an administrator has entered them. */
	@Transactional(readOnly = true)
	public Optional<FactorDetails> details() {
		return profiles.findById(FactorProfile.THE_FACTOR).map(FactorProfile::details);
	}

	@Transactional(readOnly = true)
	public long version() {
		return profiles.findById(FactorProfile.THE_FACTOR).map(FactorProfile::version).orElse(-1L);
	}

	/**
	 * Creates or changes the factor's details, provided nobody saved them since
	 * {@code expectedVersion}.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void save(FactorDetails details, long expectedVersion) {
		saveAs(details, expectedVersion);
	}

	void saveAs(FactorDetails details, long expectedVersion) {
		Optional<FactorProfile> existing = profiles.findById(FactorProfile.THE_FACTOR);
		if (existing.map(FactorProfile::version).orElse(-1L) != expectedVersion) {
			throw new StaleEdit("The factor's details");
		}
		FactorProfile profile = existing.orElseGet(() -> new FactorProfile(details));
		String before = existing.map(p -> p.details().toString()).orElse("(none)");
		profile.apply(details);
		profiles.saveAndFlush(profile);
		auditTrail.record("FACTOR_CHANGED", "FACTOR", "1", before + " → " + details);
	}

}
