package io.cessio.invoices;

/**
 * The remittance is above the contract's four-eyes threshold: a second analyst, other
 * than the one who reviewed it, must confirm it.
 */
public class FourEyesRequired extends RuntimeException {

	public FourEyesRequired(String number) {
		super("Remittance " + number + " must be confirmed by a second, different analyst");
	}

}
