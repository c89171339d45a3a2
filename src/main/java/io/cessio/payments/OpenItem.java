package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.cessio.shared.CreditorReference;

/**
 * An invoice of the company that is still (partly) unpaid, as the matching sees it.
 * Credit notes are not open items: they reduce the invoice's open amount before it gets
 * here.
 *
 * @param number the invoice number as the company prints it; compared without case,
 * accents, spaces or punctuation
 * @param creditorReference the invoice's ISO 11649 reference (every invoice has one),
 * normalised to upper case without spaces
 * @param openAmount what is still owed, positive, scale 2 (euros)
 * @param assigned true when the factor purchased the invoice; false for an invoice of the
 * company that was never assigned, whose money the caller books back to the company.
 * Matching treats both alike.
 */
public record OpenItem(UUID invoiceId, UUID debtorId, String number, String creditorReference, BigDecimal openAmount,
		LocalDate issueDate, LocalDate dueDate, boolean assigned) {

	public OpenItem {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(debtorId, "debtorId");
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(creditorReference, "creditorReference");
		Objects.requireNonNull(issueDate, "issueDate");
		Objects.requireNonNull(dueDate, "dueDate");
		if (NormalisedText.compact(number).isEmpty()) {
			throw new IllegalArgumentException("An invoice number has at least one letter or digit: " + number);
		}
		creditorReference = new CreditorReference(creditorReference).value();
		openAmount = Cents.requirePositive(openAmount, "Open amount");
	}

}
