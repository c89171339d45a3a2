package io.cessio.invoices;

import java.util.List;

/** The review cannot be completed while items of the remittance await a decision. */
public class ReviewIncomplete extends RuntimeException {

	private final List<String> undecided;

	public ReviewIncomplete(String remittance, List<String> undecided) {
		super("Remittance " + remittance + " still has undecided items: " + String.join(", ", undecided));
		this.undecided = List.copyOf(undecided);
	}

	public List<String> undecided() {
		return undecided;
	}

}
