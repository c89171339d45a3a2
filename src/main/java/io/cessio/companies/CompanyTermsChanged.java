package io.cessio.companies;

import java.time.Instant;

/**
 * A client company's contract terms changed (availability and pricing follow the new
 * terms).
 */
public record CompanyTermsChanged(CompanyId companyId, ContractTerms terms, Instant changedAt) {
}
