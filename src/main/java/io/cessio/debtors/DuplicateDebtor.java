package io.cessio.debtors;

import io.cessio.shared.Siren;

/** The company has already registered a debtor with this SIREN. */
public class DuplicateDebtor extends RuntimeException {

	private final Siren siren;

	public DuplicateDebtor(Siren siren) {
		super("A debtor with SIREN " + siren.formatted() + " is already registered");
		this.siren = siren;
	}

	public Siren siren() {
		return siren;
	}

}
