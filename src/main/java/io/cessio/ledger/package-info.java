/**
 * The double-entry ledger every euro moves through: accounts, balanced journal entries
 * (append-only; corrected by reversal), balances derived from postings, and the posting
 * rules of each business event. A leaf module: it knows companies only as opaque
 * counterparty keys.
 */
@NullMarked
package io.cessio.ledger;

import org.jspecify.annotations.NullMarked;
