package io.cessio.payments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The company's open items and their indexes. Items keep their reference and number
 * entries once paid (so that a payment quoting a paid invoice is recognised as such) but
 * leave the per-debtor and per-amount lists.
 */
final class OpenItems {

	private final Map<UUID, BookItem> byInvoice;

	private final Map<String, BookItem> byCreditorReference;

	private final Map<String, List<BookItem>> byNumber;

	/** Oldest due first. */
	private final Map<UUID, List<BookItem>> byDebtor = new HashMap<>();

	private final Map<Long, List<BookItem>> byOpenAmount;

	OpenItems(Collection<OpenItem> items) {
		// sized for the company's tens of thousands of items, so that they are not
		// rehashed
		// as they come in
		this.byInvoice = new HashMap<>(capacityFor(items.size()));
		this.byCreditorReference = new HashMap<>(capacityFor(items.size()));
		this.byNumber = new HashMap<>(capacityFor(items.size()));
		this.byOpenAmount = new HashMap<>(capacityFor(items.size()));
		for (OpenItem item : items) {
			BookItem entry = new BookItem(item);
			if (byInvoice.putIfAbsent(item.invoiceId(), entry) != null) {
				throw new IllegalArgumentException("Invoice " + item.invoiceId() + " is open twice");
			}
			if (byCreditorReference.putIfAbsent(item.creditorReference(), entry) != null) {
				throw new IllegalArgumentException("Creditor reference " + item.creditorReference() + " is used twice");
			}
			byNumber.computeIfAbsent(entry.numberKey(), key -> new ArrayList<>(1)).add(entry);
			byDebtor.computeIfAbsent(item.debtorId(), debtor -> new ArrayList<>()).add(entry);
			byOpenAmount.computeIfAbsent(entry.open(), amount -> new ArrayList<>(1)).add(entry);
		}
		byDebtor.values().forEach(list -> list.sort(BookItem.OLDEST_DUE_FIRST));
	}

	/** A hash map's initial capacity that holds that many entries without rehashing. */
	private static int capacityFor(int entries) {
		return (int) Math.ceil(entries / 0.75);
	}

	@Nullable BookItem get(UUID invoiceId) {
		return byInvoice.get(invoiceId);
	}

	/** The item with that normalised reference, paid or not. */
	@Nullable BookItem withCreditorReference(String reference) {
		return byCreditorReference.get(reference);
	}

	boolean hasCreditorReference(String reference) {
		return byCreditorReference.containsKey(reference);
	}

	/**
	 * The items with that compact number, paid or not (numbers may repeat across years).
	 */
	List<BookItem> withNumber(String key) {
		return byNumber.getOrDefault(key, List.of());
	}

	boolean hasNumber(String key) {
		return byNumber.containsKey(key);
	}

	/** The debtor's unpaid items, oldest due first. */
	List<BookItem> ofDebtor(UUID debtorId) {
		return byDebtor.getOrDefault(debtorId, List.of());
	}

	/** The unpaid items owing exactly that. */
	List<BookItem> withOpenAmount(long cents) {
		return byOpenAmount.getOrDefault(cents, List.of());
	}

	void pay(BookItem entry, long cents) {
		removeFrom(byOpenAmount, entry.open(), entry);
		entry.pay(cents);
		if (entry.isSettled()) {
			removeFrom(byDebtor, entry.item().debtorId(), entry);
		}
		else {
			byOpenAmount.computeIfAbsent(entry.open(), amount -> new ArrayList<>(1)).add(entry);
		}
	}

	private static <K> void removeFrom(Map<K, List<BookItem>> index, K key, BookItem entry) {
		List<BookItem> entries = index.get(key);
		if (entries == null || !entries.remove(entry)) {
			throw new IllegalStateException(entry + " missing from its index");
		}
		if (entries.isEmpty()) {
			index.remove(key);
		}
	}

}
