package io.cessio.invoices;

import java.util.List;

/**
 * A page of a company's invoices: open ones (the first {@link #SHOWN_OPEN}, oldest first,
 * and how many there are in all) and the latest remitted ones.
 */
public record InvoiceList(List<InvoiceView> open, long openCount, List<InvoiceView> remitted) {

	public static final int SHOWN_OPEN = 500;

	public InvoiceList {
		open = List.copyOf(open);
		remitted = List.copyOf(remitted);
	}

	public boolean hasMoreOpen() {
		return openCount > open.size();
	}

}
