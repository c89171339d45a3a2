package io.cessio.banking;

import io.cessio.companies.CompanyId;

/** A dedicated account that holds collections for the factor: what a sweep transfers. */
public record AccountHoldingCollections(DedicatedAccountId account, CompanyId companyId) {
}
