package io.cessio.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The passes of DOMAIN.md §5.5 over one receipt, against the book as it stands: its
 * references (ISO 11649, then invoice numbers), then the identified debtor's open items.
 * Computes allocations without applying them. A pass that finds the answer ambiguous
 * stops the matching: the rest is left to a person, with suggestions.
 */
final class ReceiptMatching {

	private final Receipt receipt;

	private final OpenItems items;

	private final DebtorDirectory debtors;

	private final ReceiptText text;

	private final Allocating allocating;

	/** Every item the receipt refers to, paid or not, with how it refers to it. */
	private final Map<BookItem, MatchPass> referenced = new IdentityHashMap<>();

	private final List<BookItem> byCreditorReference;

	private final List<BookItem> byNumber;

	private @Nullable PayerIdentity payerByAccount;

	private @Nullable PayerIdentity payerByName;

	/**
	 * The one debtor of the invoices paid by reference, once the reference passes ran.
	 */
	private @Nullable UUID debtorPaidByReference;

	private boolean automatic = true;

	ReceiptMatching(Receipt receipt, OpenItems items, DebtorDirectory debtors) {
		this.receipt = receipt;
		this.items = items;
		this.debtors = debtors;
		this.text = new ReceiptText(receipt);
		this.allocating = new Allocating(Cents.of(receipt.amount()));
		this.byCreditorReference = text.creditorReferences(items::hasCreditorReference)
			.stream()
			.map(items::withCreditorReference)
			.filter(item -> item != null)
			.toList();
		this.byNumber = text.invoiceNumbers(items::hasNumber)
			.stream()
			.flatMap(number -> items.withNumber(number).stream())
			.filter(item -> !byCreditorReference.contains(item))
			.distinct()
			.toList();
		byNumber.forEach(item -> referenced.put(item, MatchPass.INVOICE_NUMBER));
		byCreditorReference.forEach(item -> referenced.put(item, MatchPass.RF_REFERENCE));
	}

	Allocating run() {
		payReferenced(open(byCreditorReference), MatchPass.RF_REFERENCE, Score.REFERENCE_FULL, Score.REFERENCE_PARTIAL);
		if (!allocating.isDone()) {
			invoiceNumberPass();
		}
		debtorPaidByReference = debtorOfAllocations();
		if (!referenced.isEmpty() && !allocating.hasAllocated()) {
			// it quotes only invoices already paid: a duplicate payment, for a person
			automatic = false;
		}
		if (!allocating.isDone() && automatic) {
			PayerIdentity debtor = debtor();
			if (debtor.debtorId() != null) {
				new DebtorPasses(allocating, items.ofDebtor(debtor.debtorId()), debtor.by().isCertain()).run();
			}
		}
		return allocating;
	}

	/**
	 * Invoice numbers of several debtors narrow to the payer's. Numbers of other debtors
	 * only are taken on trust when they add up to the amount; otherwise they are more
	 * likely a mistyped number than a payment for another debtor, and nothing is
	 * allocated automatically.
	 */
	private void invoiceNumberPass() {
		List<BookItem> found = open(byNumber);
		if (found.isEmpty()) {
			return;
		}
		Set<UUID> debtorsFound = found.stream().map(item -> item.item().debtorId()).collect(Collectors.toSet());
		if (debtorsFound.size() > 1 || sumOpen(found) != allocating.remaining()) {
			PayerIdentity payer = payer();
			if (payer.isKnown()) {
				List<BookItem> payers = found.stream()
					.filter(item -> item.item().debtorId().equals(payer.debtorId()))
					.toList();
				if (!payers.isEmpty()) {
					found = payers;
				}
				else if (sumOpen(found) != allocating.remaining()) {
					automatic = false;
					return;
				}
			}
		}
		payReferenced(found, MatchPass.INVOICE_NUMBER, Score.NUMBER_FULL, Score.NUMBER_PARTIAL);
	}

	/**
	 * Referenced items in full when the receipt covers them (the rest going on to the
	 * debtor passes); one item paid short takes the whole receipt; several paid short are
	 * paid oldest due first.
	 */
	private void payReferenced(List<BookItem> found, MatchPass pass, BigDecimal full, BigDecimal partial) {
		if (found.isEmpty()) {
			return;
		}
		if (allocating.remaining() >= sumOpen(found)) {
			found.forEach(item -> allocating.payInFull(item, pass, full));
		}
		else if (found.size() == 1) {
			allocating.allocate(found.get(0), allocating.remaining(), pass, partial);
		}
		else {
			List<BookItem> oldestFirst = new ArrayList<>(found);
			oldestFirst.sort(BookItem.OLDEST_DUE_FIRST);
			allocating.payInOrder(oldestFirst, pass, Score.SEVERAL_REFERENCED_OLDEST_FIRST);
		}
	}

	/**
	 * The debtor the receipt is taken to come from: the payer identified by IBAN or
	 * SIREN; else the one debtor whose invoices it paid by reference; else the payer
	 * identified by name. Null when none.
	 */
	@Nullable UUID identifiedDebtor() {
		return debtor().debtorId();
	}

	private PayerIdentity debtor() {
		if (payerByAccount().isKnown()) {
			return payerByAccount();
		}
		if (debtorPaidByReference != null) {
			return PayerIdentity.of(debtorPaidByReference, IdentifiedBy.REFERENCED_INVOICES);
		}
		return payerByName();
	}

	private @Nullable UUID debtorOfAllocations() {
		Set<UUID> debtorIds = allocating.proposals()
			.stream()
			.map(proposal -> proposal.item().item().debtorId())
			.collect(Collectors.toSet());
		return (debtorIds.size() == 1) ? debtorIds.iterator().next() : null;
	}

	/** By IBAN or SIREN, else by name. */
	private PayerIdentity payer() {
		return payerByAccount().isKnown() ? payerByAccount() : payerByName();
	}

	private PayerIdentity payerByAccount() {
		if (payerByAccount == null) {
			payerByAccount = debtors.byAccount(receipt.payerIban(), text.sirens());
		}
		return payerByAccount;
	}

	/** Costs a comparison with every debtor's name when the name is not found as is. */
	private PayerIdentity payerByName() {
		if (payerByName == null) {
			payerByName = debtors.byName(receipt.payerName());
		}
		return payerByName;
	}

	/** Suggestions for what is left of the receipt, among the items open now. */
	List<Suggestion> suggestions(long amount, int limit) {
		PayerIdentity debtor = debtor();
		return new Suggestions(items, receipt.valueDate(), amount)
			.withReferenced(Collections.unmodifiableMap(referenced))
			.withDebtor(debtor.debtorId(), debtor.by())
			.withSimilarNames(payerByName().similarNames())
			.best(limit);
	}

	private List<BookItem> open(List<BookItem> found) {
		return found.stream().filter(allocating::isOpen).toList();
	}

	private long sumOpen(List<BookItem> found) {
		return found.stream().mapToLong(allocating::openOf).sum();
	}

}
