package io.cessio.companies;

import io.cessio.shared.Siren;

/** A client company with this SIREN already exists. */
public class DuplicateSiren extends RuntimeException {

	public DuplicateSiren(Siren siren) {
		super("A company with SIREN " + siren.formatted() + " already exists");
	}

}
