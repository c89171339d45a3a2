/**
 * Payments received on the dedicated accounts and their matching (lettrage) to open
 * invoices: structured references first, then invoice numbers, then the identified
 * debtor's open items by amount, subset sum and oldest due first; what stays unmatched
 * goes to suspense with scored suggestions.
 */
@NullMarked
package io.cessio.payments;

import org.jspecify.annotations.NullMarked;
