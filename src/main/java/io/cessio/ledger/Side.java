package io.cessio.ledger;

/** Debit or credit. */
public enum Side {

	DEBIT("D"), CREDIT("C");

	private final String column;

	Side(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

	static Side fromColumn(String column) {
		return "D".equals(column) ? DEBIT : CREDIT;
	}

}
