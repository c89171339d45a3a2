package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Open items scored for money in suspense (DOMAIN.md §5.5): {@code 0.45·reference +
 * 0.25·amount + 0.15·debtor + 0.10·due date near the value date + 0.05·history}. Only
 * items that can score are looked at: those the receipt refers to, the payer's, those of
 * debtors with a similar name, and those of exactly the amount. History (learnt from
 * manual decisions) counts 0 for now.
 */
final class Suggestions {

	static final BigDecimal THRESHOLD = new BigDecimal("0.30");

	static final double REFERENCE_WEIGHT = 0.45;

	static final double AMOUNT_WEIGHT = 0.25;

	static final double DEBTOR_WEIGHT = 0.15;

	static final double DATE_WEIGHT = 0.10;

	static final double HISTORY_WEIGHT = 0.05;

	/** A due date this many days or more from the value date earns nothing. */
	static final long DATE_HORIZON_DAYS = 60;

	/** Within max(1 €, 0.5 %): bank charges or a rounding deducted by the payer. */
	static final long TOLERANCE_FLOOR_CENTS = 100;

	private final OpenItems items;

	private final LocalDate valueDate;

	private final long amount;

	private final Set<BookItem> candidates = new LinkedHashSet<>();

	private Map<BookItem, MatchPass> referenced = Map.of();

	private @Nullable UUID debtorId;

	private @Nullable IdentifiedBy debtorBy;

	private Map<UUID, Double> similarNames = Map.of();

	Suggestions(OpenItems items, LocalDate valueDate, long amount) {
		this.items = items;
		this.valueDate = valueDate;
		this.amount = amount;
		candidates.addAll(items.withOpenAmount(amount));
	}

	Suggestions withReferenced(Map<BookItem, MatchPass> referenced) {
		this.referenced = referenced;
		referenced.keySet().stream().filter(item -> !item.isSettled()).forEach(candidates::add);
		return this;
	}

	Suggestions withDebtor(@Nullable UUID debtorId, @Nullable IdentifiedBy by) {
		this.debtorId = debtorId;
		this.debtorBy = by;
		if (debtorId != null) {
			candidates.addAll(items.ofDebtor(debtorId));
		}
		return this;
	}

	Suggestions withSimilarNames(Map<UUID, Double> similarNames) {
		this.similarNames = similarNames;
		similarNames.keySet().forEach(debtor -> candidates.addAll(items.ofDebtor(debtor)));
		return this;
	}

	/** Ranked on the unrounded score, so that a closer due date still comes first. */
	List<Suggestion> best(int limit) {
		List<Scored> scored = new ArrayList<>();
		for (BookItem item : candidates) {
			Scored candidate = score(item);
			// the exact test, on the rounded score, only near the threshold
			if (candidate.score() > 0.29 && Score.of(candidate.score()).compareTo(THRESHOLD) >= 0) {
				scored.add(candidate);
			}
		}
		scored.sort(Comparator.comparingDouble(Scored::score)
			.reversed()
			.thenComparing(Scored::item, BookItem.OLDEST_DUE_FIRST));
		return scored.stream().limit(limit).map(Scored::toSuggestion).toList();
	}

	private Scored score(BookItem item) {
		MatchPass referencedBy = referenced.get(item);
		String reference = (referencedBy == null) ? null
				: (referencedBy == MatchPass.RF_REFERENCE) ? "RF reference" : "invoice number";
		long difference = Math.abs(item.open() - amount);
		String amountReason = null;
		double amountMatch = 0;
		if (difference == 0) {
			amountMatch = 1;
			amountReason = "same amount";
		}
		else if (difference <= Math.max(TOLERANCE_FLOOR_CENTS, amount / 200)) {
			amountMatch = 0.6;
			amountReason = "amount within tolerance";
		}
		UUID itemDebtor = item.item().debtorId();
		String debtorReason = null;
		double debtor = 0;
		if (itemDebtor.equals(debtorId) && debtorBy != null) {
			debtor = 1;
			debtorReason = debtorBy.reason();
		}
		else if (similarNames.containsKey(itemDebtor)) {
			debtor = 0.5;
			debtorReason = "similar payer name";
		}
		long days = Math.abs(ChronoUnit.DAYS.between(item.item().dueDate(), valueDate));
		double date = Math.max(0, 1 - (double) days / DATE_HORIZON_DAYS);
		double history = 0;
		double score = REFERENCE_WEIGHT * (reference != null ? 1 : 0) + AMOUNT_WEIGHT * amountMatch
				+ DEBTOR_WEIGHT * debtor + DATE_WEIGHT * date + HISTORY_WEIGHT * history;
		return new Scored(item, score, reference, amountReason, debtorReason);
	}

	private record Scored(BookItem item, double score, @Nullable String reference, @Nullable String amount,
			@Nullable String debtor) {

		Suggestion toSuggestion() {
			List<String> why = new ArrayList<>(3);
			for (String reason : new String[] { reference, amount, debtor }) {
				if (reason != null) {
					why.add(reason);
				}
			}
			return new Suggestion(item.item().invoiceId(), item.item().number(), Cents.amount(item.open()),
					Score.of(score), why.isEmpty() ? "due date near the value date" : String.join(", ", why));
		}

	}

}
