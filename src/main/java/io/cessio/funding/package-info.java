/**
 * Funding: the company's availability computed from the ledger and its purchased
 * invoices, payouts into the dedicated account within 24 hours (after each purchase,
 * draws, reserve refunds), end-of-day funds in use and the monthly financing charge.
 */
@NullMarked
package io.cessio.funding;

import org.jspecify.annotations.NullMarked;
