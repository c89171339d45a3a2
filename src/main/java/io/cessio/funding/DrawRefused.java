package io.cessio.funding;

import io.cessio.shared.Money;

/** A draw above what the company can still draw (availability less pending payouts). */
public class DrawRefused extends RuntimeException {

	private final Money drawable;

	public DrawRefused(Money requested, Money drawable) {
		super("Draw of " + requested + " refused: " + drawable + " can be drawn");
		this.drawable = drawable;
	}

	public Money drawable() {
		return drawable;
	}

}
