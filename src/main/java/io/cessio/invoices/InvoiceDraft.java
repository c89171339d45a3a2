package io.cessio.invoices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.cessio.debtors.DebtorId;
import io.cessio.shared.Money;

/**
 * An invoice or credit note as the company enters it. Amounts are positive whatever the
 * kind (a credit note's kind says it reduces the debt), in euros, and add up: excl. VAT +
 * VAT = incl. VAT. The due date is not before the issue date.
 */
public record InvoiceDraft(DebtorId debtorId, InvoiceKind kind, String number, LocalDate issueDate, LocalDate dueDate,
		Money amountExclVat, Money vatAmount, Money amountInclVat) {

	public static final int MAX_NUMBER_LENGTH = 50;

	public InvoiceDraft {
		Objects.requireNonNull(debtorId, "debtorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(number, "number");
		number = number.strip();
		Objects.requireNonNull(issueDate, "issueDate");
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(amountExclVat, "amountExclVat");
		Objects.requireNonNull(vatAmount, "vatAmount");
		Objects.requireNonNull(amountInclVat, "amountInclVat");
		List<Problem> problems = problems(number, issueDate, dueDate, amountExclVat, vatAmount, amountInclVat);
		if (!problems.isEmpty()) {
			throw new InvalidInvoice(problems);
		}
	}

	/**
	 * What is wrong with these values, field by field (the same rules as the
	 * constructor), so that forms and imports can report every problem at once.
	 */
	public static List<Problem> problems(String number, LocalDate issueDate, LocalDate dueDate, Money amountExclVat,
			Money vatAmount, Money amountInclVat) {
		List<Problem> problems = new ArrayList<>();
		if (number.isBlank() || number.length() > MAX_NUMBER_LENGTH
				|| number.chars().anyMatch(Character::isISOControl)) {
			problems.add(new Problem("number", "invoices.error.number"));
		}
		if (dueDate.isBefore(issueDate)) {
			problems.add(new Problem("dueDate", "invoices.error.dueBeforeIssue"));
		}
		for (Money amount : List.of(amountExclVat, vatAmount, amountInclVat)) {
			if (!amount.currency().equals(Money.EUR)) {
				problems.add(new Problem("amountInclVat", "invoices.error.currency"));
				return problems;
			}
		}
		if (amountExclVat.isNegative()) {
			problems.add(new Problem("amountExclVat", "invoices.error.negative"));
		}
		if (vatAmount.isNegative()) {
			problems.add(new Problem("vatAmount", "invoices.error.negative"));
		}
		if (amountInclVat.isNegative()) {
			problems.add(new Problem("amountInclVat", "invoices.error.negative"));
		}
		else if (amountExclVat.plus(vatAmount).compareTo(amountInclVat) != 0) {
			problems.add(new Problem("amountInclVat", "invoices.error.totals"));
		}
		return problems;
	}

	/** One broken rule: the field and the message key that explains it. */
	public record Problem(String field, String messageKey) {
	}

}
