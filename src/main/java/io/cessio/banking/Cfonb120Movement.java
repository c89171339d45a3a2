package io.cessio.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.CreditorReference;

/**
 * A CFONB 120 movement: its 04 record and the 05 complements that follow it. Qualifiers
 * read (positions 46–48 of a 05, text 49–118): LIB, LCC and LC2 (free and unstructured
 * remittance text), LCS (structured remittance: an ISO 11649 RF reference, else text),
 * NPY and IPY (payer's name and identifier), NBE and IBE (beneficiary's, for debits), RCN
 * (the client's end-to-end reference, first 35 characters) and REF (the bank's operation
 * reference). Others are ignored.
 */
final class Cfonb120Movement {

	private static final Pattern BLANKS = Pattern.compile("\\s+");

	private final Cfonb120Line movement;

	private final BigDecimal signedAmount;

	private final LocalDate bookingDate;

	private final LocalDate valueDate;

	private final List<String> remittance = new ArrayList<>();

	private @Nullable String payerName;

	private @Nullable String payerIdentifier;

	private @Nullable String beneficiaryName;

	private @Nullable String beneficiaryIdentifier;

	private @Nullable String endToEndId;

	private @Nullable String operationReference;

	private @Nullable String creditorReference;

	/**
	 * @throws StatementRejected BAD_AMOUNT or BAD_DATE
	 */
	Cfonb120Movement(Cfonb120Line movement) {
		this.movement = movement;
		this.signedAmount = movement.amount();
		this.bookingDate = movement.date(35);
		LocalDate value = movement.optionalDate(43);
		this.valueDate = (value != null) ? value : this.bookingDate;
		addText(movement.optional(49, 79));
	}

	void complement(Cfonb120Line complement) {
		String text = complement.optional(49, 118);
		if (text == null) {
			return;
		}
		switch (complement.field(46, 48)) {
			case "LIB", "LCC", "LC2" -> addText(text);
			case "LCS" -> structuredRemittance(text);
			case "NPY" -> payerName = first(payerName, text);
			case "IPY" -> payerIdentifier = first(payerIdentifier, complement.optional(49, 83));
			case "NBE" -> beneficiaryName = first(beneficiaryName, text);
			case "IBE" -> beneficiaryIdentifier = first(beneficiaryIdentifier, complement.optional(49, 83));
			case "RCN" -> endToEndId = first(endToEndId, endToEnd(complement.optional(49, 83)));
			case "REF" -> operationReference = first(operationReference, text);
			default -> {
			}
		}
	}

	StatementEntry entry() {
		boolean debit = signedAmount.signum() < 0;
		String reference = movement.optional(105, 120);
		if (reference == null) {
			reference = (operationReference != null) ? operationReference : movement.optional(82, 88);
		}
		return new StatementEntry(movement.number(), signedAmount.abs(),
				debit ? EntryDirection.DEBIT : EntryDirection.CREDIT, false, EntryStatus.BOOKED, bookingDate, valueDate,
				reference, endToEndId, debit ? beneficiaryName : payerName, null,
				debit ? beneficiaryIdentifier : payerIdentifier, creditorReference, List.of(),
				String.join(" ", remittance), movement.optional(33, 34), movement.optional(41, 42));
	}

	private void structuredRemittance(String text) {
		String reference = rfReference(text);
		if (reference != null && creditorReference == null) {
			creditorReference = reference;
		}
		else {
			addText(text);
		}
	}

	private void addText(@Nullable String text) {
		if (text != null) {
			remittance.add(Texts.singleSpaced(text));
		}
	}

	/**
	 * An ISO 11649 reference written alone (spaces allowed) or as one word of the text.
	 */
	private static @Nullable String rfReference(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		if (upper.startsWith("RF") && CreditorReference.isValid(upper)) {
			return new CreditorReference(upper).value();
		}
		for (String word : BLANKS.split(upper)) {
			if (word.startsWith("RF") && CreditorReference.isValid(word)) {
				return word;
			}
		}
		return null;
	}

	private static @Nullable String endToEnd(@Nullable String reference) {
		return "NOTPROVIDED".equals(reference) ? null : reference;
	}

	private static @Nullable String first(@Nullable String current, @Nullable String candidate) {
		return (current != null) ? current : candidate;
	}

}
