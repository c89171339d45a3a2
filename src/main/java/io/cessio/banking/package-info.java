/**
 * Each client company's dedicated bank account, shared with the factor: opened with the
 * company, its balance split into three portions (available to the company, collections
 * owed to the factor, unidentified receipts), withdrawals to the operating account
 * through the {@link Bank} port (payouts, withdrawals, sweeps), receipts recorded by
 * operations, and the bank's statement formats read by {@link StatementReader} (camt.053,
 * CFONB 120). The bank itself is modelled inside Cessio.
 */
@NullMarked
package io.cessio.banking;

import org.jspecify.annotations.NullMarked;
