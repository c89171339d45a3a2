package io.cessio.sweep;

import java.time.LocalDate;
import java.util.UUID;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * The collections held for the factor in a company's dedicated account were transferred
 * to the factor; what they released (the reserve) is now in the company's availability.
 */
public record CollectionsSwept(UUID sweepLineId, CompanyId companyId, LocalDate businessDate, Money amount) {
}
