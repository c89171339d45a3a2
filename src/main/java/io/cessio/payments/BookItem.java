package io.cessio.payments;

import java.util.Comparator;

/** An open item in a {@link MatchingBook}, with what is still owed on it in cents. */
final class BookItem {

	static final Comparator<BookItem> OLDEST_DUE_FIRST = Comparator.comparing((BookItem entry) -> entry.item.dueDate())
		.thenComparing(entry -> entry.item.issueDate())
		.thenComparing(entry -> entry.numberKey)
		.thenComparing(entry -> entry.item.invoiceId());

	private final OpenItem item;

	private final String numberKey;

	private long open;

	BookItem(OpenItem item) {
		this.item = item;
		this.numberKey = NormalisedText.compact(item.number());
		this.open = Cents.of(item.openAmount());
	}

	OpenItem item() {
		return item;
	}

	String numberKey() {
		return numberKey;
	}

	long open() {
		return open;
	}

	boolean isSettled() {
		return open == 0;
	}

	void pay(long cents) {
		if (cents <= 0 || cents > open) {
			throw new IllegalStateException(
					"Cannot pay " + cents + " cents on " + item.number() + " which owes " + open + " cents");
		}
		open -= cents;
	}

	@Override
	public String toString() {
		return item.number() + " (" + Cents.amount(open) + " open)";
	}

}
