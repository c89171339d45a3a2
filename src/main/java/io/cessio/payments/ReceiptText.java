package io.cessio.payments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.CreditorReference;
import io.cessio.shared.Siren;
import io.cessio.shared.Siret;

/**
 * What a receipt's remittance information refers to: ISO 11649 references, invoice
 * numbers and SIRENs, read from the structured fields and the free text (DOMAIN.md §5.5,
 * pass 0). Each field is a segment of normalised words; a word used by a reference is not
 * read again as part of an invoice number.
 */
final class ReceiptText {

	/** Dates and decimal amounts in free text, whose digits would read as numbers. */
	private static final Pattern DATES_AND_AMOUNTS = Pattern
		.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,3}(?:[ .]\\d{3})+,\\d{2}"
				+ "|\\d+,\\d{2})\\b");

	private static final Pattern REFERENCE_START = Pattern.compile("RF[0-9]{2}[A-Z0-9]{0,21}");

	private static final int LONGEST_REFERENCE = 25;

	/** An invoice number printed with spaces or dashes spans at most this many words. */
	private static final int LONGEST_NUMBER_RUN = 3;

	private final @Nullable String structuredReference;

	private final List<Segment> segments = new ArrayList<>();

	private final List<String> identifierWords;

	ReceiptText(Receipt receipt) {
		String field = receipt.creditorReference();
		String compactField = (field == null) ? "" : NormalisedText.compact(field);
		this.structuredReference = isReference(compactField) ? compactField : null;
		if (this.structuredReference == null && !compactField.isEmpty()) {
			// banks also carry plain invoice numbers in the structured reference
			segments.add(Segment.structured(field));
		}
		receipt.referredDocuments().forEach(document -> segments.add(Segment.structured(document)));
		String freeText = withoutDatesAndAmounts(NormalisedText.upper(receipt.remittanceText()));
		segments.add(Segment.free(freeText));
		this.identifierWords = (receipt.payerIdentifier() == null) ? List.of()
				: NormalisedText.words(receipt.payerIdentifier());
	}

	/**
	 * A valid ISO 11649 reference, upper case without spaces; cheap for anything else.
	 */
	private static boolean isReference(String compact) {
		return compact.length() >= 5 && compact.startsWith("RF") && CreditorReference.isValid(compact);
	}

	private static String withoutDatesAndAmounts(String text) {
		boolean mayHaveOne = text.indexOf(',') >= 0 || text.indexOf('/') >= 0 || text.indexOf('-') >= 0
				|| text.indexOf('.') >= 0;
		return mayHaveOne ? DATES_AND_AMOUNTS.matcher(text).replaceAll(" ") : text;
	}

	/**
	 * The valid ISO 11649 references, in order of appearance, structured field first. In
	 * text a reference may be printed in groups of four; the longest reading with valid
	 * check digits that {@code isKnown} is taken, else the longest valid one. The words
	 * of every valid reference are set aside.
	 */
	List<String> creditorReferences(Predicate<String> isKnown) {
		Set<String> references = new LinkedHashSet<>();
		if (structuredReference != null) {
			references.add(structuredReference);
		}
		for (Segment segment : segments) {
			if (segment.structured && isReference(segment.compact)) {
				references.add(segment.compact);
				segment.useAll();
				continue;
			}
			for (int start = 0; start < segment.words.size(); start++) {
				int words = referenceAt(segment, start, isKnown, references);
				if (words > 0) {
					segment.use(start, words);
					start += words - 1;
				}
			}
		}
		return List.copyOf(references);
	}

	/** The number of words of the reference starting there, 0 when none does. */
	private static int referenceAt(Segment segment, int start, Predicate<String> isKnown, Set<String> found) {
		String first = segment.words.get(start);
		if (first.length() < 4 || !first.startsWith("RF") || !REFERENCE_START.matcher(first).matches()) {
			return 0;
		}
		List<String> readings = new ArrayList<>();
		StringBuilder reading = new StringBuilder(segment.words.get(start));
		readings.add(reading.toString());
		for (int next = start + 1; next < segment.words.size(); next++) {
			String previous = segment.words.get(next - 1);
			String word = segment.words.get(next);
			if (previous.length() != 4 || word.length() > 4 || reading.length() + word.length() > LONGEST_REFERENCE) {
				break;
			}
			reading.append(word);
			readings.add(reading.toString());
		}
		int longestValid = 0;
		for (int words = readings.size(); words >= 1; words--) {
			String candidate = readings.get(words - 1);
			if (!isReference(candidate)) {
				continue;
			}
			if (isKnown.test(candidate)) {
				found.add(candidate);
				return words;
			}
			longestValid = Math.max(longestValid, words);
		}
		if (longestValid > 0) {
			found.add(readings.get(longestValid - 1));
		}
		return longestValid;
	}

	/**
	 * The compact invoice numbers found, known to {@code isKnown}, in order of
	 * appearance. A structured field may hold the number alone however it is spaced.
	 * Otherwise a whole word is a number before any run of words is tried, so that "F1 2"
	 * reads as F1 even where F12 exists, and a run of two or three adjacent words ("FA
	 * 2026-0012") counts only when none of its words is already a number. Call after
	 * {@link #creditorReferences}, whose words are not read again.
	 */
	List<String> invoiceNumbers(Predicate<String> isKnown) {
		Set<String> numbers = new LinkedHashSet<>();
		for (Segment segment : segments) {
			if (segment.structured && !segment.isUsed(0) && isKnown.test(segment.compact)) {
				numbers.add(segment.compact);
				segment.useAll();
				continue;
			}
			for (int i = 0; i < segment.words.size(); i++) {
				if (!segment.isUsed(i) && isKnown.test(segment.words.get(i))) {
					numbers.add(segment.words.get(i));
					segment.use(i, 1);
				}
			}
			for (int start = 0; start < segment.words.size(); start++) {
				for (int length = LONGEST_NUMBER_RUN; length >= 2; length--) {
					String run = segment.freeRun(start, length);
					if (run != null && isKnown.test(run)) {
						numbers.add(run);
						segment.use(start, length);
						start += length - 1;
						break;
					}
				}
			}
		}
		return List.copyOf(numbers);
	}

	/**
	 * The SIRENs quoted by the payer's identifier or the text: 9 digits with a valid
	 * checksum, possibly printed in groups ("552 109 878"), the first 9 digits of a valid
	 * SIRET, or the SIREN inside a French VAT number.
	 */
	Set<String> sirens() {
		Set<String> sirens = new LinkedHashSet<>();
		collectSirens(identifierWords, sirens);
		for (Segment segment : segments) {
			collectSirens(segment.words, sirens);
		}
		return sirens;
	}

	private static void collectSirens(List<String> words, Set<String> sirens) {
		for (int start = 0; start < words.size(); start++) {
			String word = words.get(start);
			if (word.length() == 13 && word.startsWith("FR") && NormalisedText.isDigits(word.substring(2))) {
				addIfFrenchVatNumber(word, sirens);
				continue;
			}
			StringBuilder digits = new StringBuilder();
			for (int end = start; end < words.size() && end < start + 5; end++) {
				if (!NormalisedText.isDigits(words.get(end))) {
					break;
				}
				digits.append(words.get(end));
				addIfSirenOrSiret(digits.toString(), sirens);
			}
		}
	}

	private static void addIfSirenOrSiret(String digits, Set<String> sirens) {
		if (digits.length() == 9 && Siren.isValid(digits)) {
			sirens.add(digits);
		}
		else if (digits.length() == 14 && Siret.isValid(digits)) {
			sirens.add(digits.substring(0, 9));
		}
	}

	/** {@code FR} + key + SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97. */
	private static void addIfFrenchVatNumber(String word, Set<String> sirens) {
		String siren = word.substring(4);
		if (!Siren.isValid(siren)) {
			return;
		}
		long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
		if (Integer.parseInt(word.substring(2, 4)) == key) {
			sirens.add(siren);
		}
	}

	/** One field of the receipt, as words, with the words already used by a match. */
	private static final class Segment {

		private final boolean structured;

		private final String compact;

		private final List<String> words;

		private final boolean[] used;

		private Segment(boolean structured, String text) {
			this.structured = structured;
			this.words = NormalisedText.words(text);
			this.compact = String.join("", words);
			this.used = new boolean[words.size()];
		}

		static Segment structured(String text) {
			return new Segment(true, text);
		}

		static Segment free(String text) {
			return new Segment(false, text);
		}

		boolean isUsed(int word) {
			return word < used.length && used[word];
		}

		void use(int start, int count) {
			for (int i = start; i < start + count; i++) {
				used[i] = true;
			}
		}

		void useAll() {
			use(0, used.length);
		}

		/** The words from start joined, if there are that many and none is used yet. */
		@Nullable String freeRun(int start, int length) {
			if (start + length > words.size()) {
				return null;
			}
			StringBuilder run = new StringBuilder();
			for (int i = start; i < start + length; i++) {
				if (used[i]) {
					return null;
				}
				run.append(words.get(i));
			}
			return run.toString();
		}

	}

}
