package io.cessio.payments;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A company's open items and known debtors, against which its receipts are matched
 * (lettrage, DOMAIN.md §5.5). Built once per company and per import, then used receipt
 * after receipt: {@link #match} applies its allocations to the book's open amounts, so
 * that two receipts never pay the same open amount twice, and a paid item is no longer a
 * candidate. Not thread-safe.
 *
 * <p>
 * Passes, strongest first: the invoice's ISO 11649 reference; its number in the
 * remittance information; then, for the identified debtor, the only open item of that
 * amount, the only combination of its oldest items that adds up, or its items oldest due
 * first. A debtor identified by name only (not by IBAN, SIREN or the invoices the receipt
 * paid by reference) gets the first of these alone. Whatever is ambiguous (two invoices
 * of the amount, two combinations, a receipt quoting only paid invoices, another debtor's
 * number for another amount) is left unallocated, with suggestions. Assigned and
 * non-assigned invoices are matched alike; the caller books money received for a
 * non-assigned invoice back to the company.
 *
 * <p>
 * Amounts are euros of scale 2. The allocations of a receipt and its unallocated rest
 * always add up to its amount, and no allocation exceeds what an invoice owes.
 */
public final class MatchingBook {

	/** Suggestions given with a receipt left partly or wholly unallocated. */
	public static final int SUGGESTIONS_WITH_OUTCOME = 5;

	private final OpenItems items;

	private final DebtorDirectory debtors;

	public MatchingBook(Collection<OpenItem> openItems, Collection<KnownDebtor> knownDebtors) {
		this.items = new OpenItems(openItems);
		this.debtors = new DebtorDirectory(knownDebtors);
	}

	/**
	 * Matches the receipt against the open items and applies the allocations. What stays
	 * unallocated comes with the best suggestions for it.
	 */
	public MatchOutcome match(Receipt receipt) {
		return match(receipt, SUGGESTIONS_WITH_OUTCOME);
	}

	/**
	 * Matches the receipt and applies the allocations, with at most {@code suggestions}
	 * suggestions for what stays unallocated: the lettrage, which leaves the rest to the
	 * suspense queue (it suggests afresh when a person looks), asks for none.
	 */
	public MatchOutcome match(Receipt receipt, int suggestions) {
		if (suggestions < 0) {
			throw new IllegalArgumentException("A number of suggestions is zero or more: " + suggestions);
		}
		ReceiptMatching matching = new ReceiptMatching(receipt, items, debtors);
		Allocating allocating = matching.run();
		long allocated = 0;
		for (Allocating.Proposal proposal : allocating.proposals()) {
			items.pay(proposal.item(), proposal.cents());
			allocated += proposal.cents();
		}
		long unallocated = allocating.remaining();
		if (allocated + unallocated != allocating.amount() || unallocated < 0) {
			throw new IllegalStateException("Allocations of " + allocated + " and " + unallocated
					+ " cents unallocated do not add up to the receipt's " + allocating.amount());
		}
		List<ProposedAllocation> allocations = allocating.proposals()
			.stream()
			.map(Allocating.Proposal::toAllocation)
			.toList();
		List<Suggestion> suggested = (unallocated > 0 && suggestions > 0)
				? matching.suggestions(unallocated, suggestions) : List.of();
		return new MatchOutcome(allocations, Cents.amount(unallocated), matching.identifiedDebtor(), suggested);
	}

	/**
	 * The best open invoices for the receipt's whole amount, best first, each scoring at
	 * least 0.30; nothing is allocated. For what is left of a receipt, pass
	 * {@link Receipt#withAmount the remainder}.
	 */
	public List<Suggestion> suggest(Receipt receipt, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("A limit is zero or more: " + limit);
		}
		return new ReceiptMatching(receipt, items, debtors).suggestions(Cents.of(receipt.amount()), limit);
	}

	/**
	 * Learns that the debtor pays from this account (a person matched such a payment), so
	 * that its next payments from it identify it. An account already known for another
	 * debtor then identifies neither.
	 */
	public void rememberIban(UUID debtorId, String iban) {
		debtors.rememberIban(debtorId, iban);
	}

	/** Whether the invoice is an open item of this book that the factor purchased. */
	boolean isAssigned(UUID invoiceId) {
		BookItem item = items.get(invoiceId);
		return item != null && item.item().assigned();
	}

	/** What the invoice still owes, 0.00 once paid. */
	public BigDecimal openAmountOf(UUID invoiceId) {
		BookItem item = items.get(invoiceId);
		if (item == null) {
			throw new IllegalArgumentException("Not an open item of this book: " + invoiceId);
		}
		return Cents.amount(item.open());
	}

}
