package io.cessio.ledger;

/**
 * The chart of accounts (docs/ledger.md). Accounts marked per company are kept once per
 * client company (the counterparty key); the others are the factor's own. The four
 * DEDICATED_* accounts model each company's dedicated bank account: its cash, split into
 * three portions that add up to it and can never be negative.
 */
public enum AccountCode {

	/** The factor's own bank account: payouts leave it, sweeps arrive on it. */
	FACTOR_BANK(AccountType.ASSET, false, false),
	/** Purchased receivables still open (per company). */
	RECEIVABLES(AccountType.ASSET, true, false),
	/**
	 * Identified collections sitting in the dedicated account, owed to the factor until
	 * swept (per company).
	 */
	COLLECTIONS_IN_TRANSIT(AccountType.ASSET, true, false),
	/**
	 * The company's current account with the factor, the compte courant (per company).
	 */
	CLIENT_CURRENT_ACCOUNT(AccountType.LIABILITY, true, false),
	/** VAT charged on fees, owed to the tax office. */
	VAT_COLLECTED(AccountType.LIABILITY, false, false),
	/** Factoring commission, excluding VAT. */
	COMMISSION_INCOME(AccountType.INCOME, false, false),
	/** Per-invoice fees, excluding VAT. */
	INVOICE_FEE_INCOME(AccountType.INCOME, false, false),
	/** Financing charges (no VAT). */
	FINANCING_INCOME(AccountType.INCOME, false, false),
	/** The modelled bank balance of the company's dedicated account (per company). */
	DEDICATED_CASH(AccountType.ASSET, true, true),
	/** Portion of the dedicated account available to the company (per company). */
	DEDICATED_COMPANY_AVAILABLE(AccountType.LIABILITY, true, true),
	/**
	 * Portion holding identified collections owed to the factor, awaiting the sweep (per
	 * company).
	 */
	DEDICATED_FACTOR_COLLECTIONS(AccountType.LIABILITY, true, true),
	/** Portion holding receipts not identified yet, the suspense (per company). */
	DEDICATED_UNIDENTIFIED(AccountType.LIABILITY, true, true);

	private final AccountType type;

	private final boolean perCompany;

	private final boolean neverNegative;

	AccountCode(AccountType type, boolean perCompany, boolean neverNegative) {
		this.type = type;
		this.perCompany = perCompany;
		this.neverNegative = neverNegative;
	}

	public AccountType type() {
		return type;
	}

	public boolean isPerCompany() {
		return perCompany;
	}

	public boolean isNeverNegative() {
		return neverNegative;
	}

}
