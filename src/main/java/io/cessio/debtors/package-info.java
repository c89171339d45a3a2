/**
 * The customers (débiteurs) each client company registers, and what the factor decides
 * about them: approval limit (agrément) with its expiry, blocking, optional credit
 * insurance. Also whether each debtor has been notified of the assignment.
 */
@NullMarked
package io.cessio.debtors;

import org.jspecify.annotations.NullMarked;
