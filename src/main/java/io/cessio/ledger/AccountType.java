package io.cessio.ledger;

/**
 * The five kinds of account; assets and expenses grow on the debit side, the others on
 * the credit side.
 */
public enum AccountType {

	ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

	public boolean isDebitNormal() {
		return this == ASSET || this == EXPENSE;
	}

}
