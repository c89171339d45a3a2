package io.cessio.ledger;

import io.cessio.shared.Money;

/**
 * An account's balance on its normal side (positive = the usual direction for its type).
 */
public record Balance(AccountRef account, Money amount) {
}
