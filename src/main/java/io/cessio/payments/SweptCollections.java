package io.cessio.payments;

/**
 * The collections a sweep took to the factor: how many allocations, on how many distinct
 * invoices.
 */
public record SweptCollections(int allocations, int invoices) {
}
