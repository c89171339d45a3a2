/**
 * Client companies (adhérents), their factoring contract terms, the factor's own
 * identity, and the people who sign in to Cessio. Publishes
 * {@link io.cessio.companies.CompanyOnboarded}.
 */
@NullMarked
package io.cessio.companies;

import org.jspecify.annotations.NullMarked;
