package io.cessio.invoices;

import java.util.List;
import java.util.stream.Collectors;

import io.cessio.invoices.InvoiceDraft.Problem;

/** The values entered break one or more of the rules of {@link InvoiceDraft}. */
public class InvalidInvoice extends RuntimeException {

	private final List<Problem> problems;

	public InvalidInvoice(List<Problem> problems) {
		super("Invalid invoice: "
				+ problems.stream().map(p -> p.field() + " " + p.messageKey()).collect(Collectors.joining(", ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
