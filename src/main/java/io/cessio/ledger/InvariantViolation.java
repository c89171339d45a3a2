package io.cessio.ledger;

import java.math.BigDecimal;

/**
 * A broken rule of the books: an unbalanced entry, a cache out of step, a negative
 * portion…
 */
public record InvariantViolation(String kind, String reference, BigDecimal amount) {
}
