package io.cessio.banking;

import io.cessio.shared.Money;

/**
 * The modelled bank balance of a dedicated account and its three portions, which always
 * add up to it: money available to the company, identified collections owed to the factor
 * (awaiting the sweep), and receipts not identified yet.
 */
public record DedicatedAccountBalance(Money companyAvailable, Money factorCollections, Money unidentified,
		Money total) {
}
