package io.cessio.payments;

import java.util.List;

/**
 * Passes 4 to 6 of DOMAIN.md §5.5 on the identified debtor's open items: the only item of
 * exactly the amount, else the only combination of up to six of its twenty oldest items
 * that adds up, else its items oldest due first (the last one partly, any excess left
 * unallocated as an overpayment). Several items of the same amount, or several
 * combinations, stop it: which invoice was paid is then for a person to say. A debtor
 * known by name only gets the first pass alone (see {@link IdentifiedBy#isCertain()}).
 */
final class DebtorPasses {

	static final int SUBSET_CANDIDATES = 20;

	static final int SUBSET_MAX_ITEMS = 6;

	private final Allocating allocating;

	private final List<BookItem> open;

	private final boolean certainDebtor;

	/**
	 * @param oldestDueFirst the debtor's items, oldest due first
	 * @param certainDebtor false for a debtor recognised by name only: then only an
	 * invoice of exactly the amount is paid
	 */
	DebtorPasses(Allocating allocating, List<BookItem> oldestDueFirst, boolean certainDebtor) {
		this.allocating = allocating;
		this.open = oldestDueFirst.stream().filter(allocating::isOpen).toList();
		this.certainDebtor = certainDebtor;
	}

	void run() {
		if (open.isEmpty()) {
			return;
		}
		long amount = allocating.remaining();
		List<BookItem> sameAmount = open.stream().filter(item -> allocating.openOf(item) == amount).toList();
		if (sameAmount.size() == 1) {
			allocating.payInFull(sameAmount.get(0), MatchPass.DEBTOR_UNIQUE_AMOUNT, Score.UNIQUE_AMOUNT);
			return;
		}
		if (sameAmount.size() > 1 || !certainDebtor) {
			return;
		}
		List<BookItem> oldest = open.subList(0, Math.min(SUBSET_CANDIDATES, open.size()));
		long[] amounts = oldest.stream().mapToLong(allocating::openOf).toArray();
		SubsetSum.Result subset = SubsetSum.find(amounts, amount, SUBSET_MAX_ITEMS, SubsetSum.DEFAULT_BUDGET);
		if (subset.kind() == SubsetSum.Kind.UNIQUE) {
			for (int index : subset.indices()) {
				allocating.payInFull(oldest.get(index), MatchPass.DEBTOR_SUBSET_SUM, Score.SUBSET_SUM);
			}
		}
		else if (subset.kind() == SubsetSum.Kind.NONE) {
			allocating.payInOrder(open, MatchPass.DEBTOR_PARTIAL_OLDEST_FIRST, Score.OLDEST_FIRST);
		}
		// several combinations, or too many to tell: not automatic
	}

}
