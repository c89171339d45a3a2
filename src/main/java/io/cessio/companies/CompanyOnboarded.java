package io.cessio.companies;

import java.time.Instant;

/** A client company was created on the platform; its dedicated account can be opened. */
public record CompanyOnboarded(CompanyId companyId, String legalName, Instant onboardedAt) {
}
