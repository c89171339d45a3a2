package io.cessio.ledger;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.Money;

/**
 * A balanced journal entry about to be posted. {@code sourceType} + {@code sourceRef} is
 * its idempotency key: posting the same key twice records it once. {@code effectiveDate}
 * is the business date the movement counts from.
 */
public record JournalEntry(String sourceType, String sourceRef, LocalDate effectiveDate, String description,
		List<Posting> postings, @Nullable Long reversesEntryId) {

	public JournalEntry {
		Objects.requireNonNull(sourceType, "sourceType");
		Objects.requireNonNull(sourceRef, "sourceRef");
		Objects.requireNonNull(effectiveDate, "effectiveDate");
		Objects.requireNonNull(description, "description");
		postings = List.copyOf(postings);
		if (sourceType.isBlank() || sourceType.length() > 40 || sourceRef.isBlank() || sourceRef.length() > 100) {
			throw new IllegalArgumentException("source type (≤ 40) and reference (≤ 100) are required");
		}
		if (description.length() > 500) {
			throw new IllegalArgumentException("description too long");
		}
		if (postings.size() < 2) {
			throw new UnbalancedJournalEntry("A journal entry has at least two postings");
		}
		Map<Currency, Money> totals = new HashMap<>();
		for (Posting posting : postings) {
			totals.merge(posting.amount().currency(), posting.signedAmount(), Money::plus);
		}
		totals.forEach((currency, total) -> {
			if (!total.isZero()) {
				throw new UnbalancedJournalEntry(
						"Debits and credits differ by " + total + " in entry " + sourceType + "/" + sourceRef);
			}
		});
	}

	public JournalEntry(String sourceType, String sourceRef, LocalDate effectiveDate, String description,
			List<Posting> postings) {
		this(sourceType, sourceRef, effectiveDate, description, postings, null);
	}

	/** The entry that cancels this one, side for side, under its own key. */
	JournalEntry reversal(long originalId, LocalDate date, String reason) {
		List<Posting> reversed = postings.stream()
			.map(p -> new Posting(p.account(), p.side() == Side.DEBIT ? Side.CREDIT : Side.DEBIT, p.amount()))
			.toList();
		return new JournalEntry("REVERSAL", String.valueOf(originalId), date,
				"Contre-passation de l'écriture " + originalId + " : " + reason, reversed, originalId);
	}

}
