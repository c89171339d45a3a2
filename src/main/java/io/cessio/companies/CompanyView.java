package io.cessio.companies;

import java.time.Instant;

/** A client company as pages and other modules see it. */
public record CompanyView(CompanyId id, CompanyDetails details, ContractTerms terms, Instant onboardedAt,
		long version) {

	public String legalName() {
		return details.legalName();
	}

}
