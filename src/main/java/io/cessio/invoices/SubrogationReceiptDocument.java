package io.cessio.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.cessio.shared.Money;
import io.cessio.shared.Siren;
import org.jspecify.annotations.Nullable;

/**
 * What the quittance subrogative of one remittance (bordereau) shows: the adhérent
 * ({@code company}) acknowledges the factor's payment of the listed receivables by credit
 * to its current account and subrogates the factor in its rights (C. civ. art. 1346-1).
 * <p>
 * Every amount is in the lines' single currency. A line's amount is positive, credit
 * notes included (the document prints a credit note negative). The totals must agree with
 * the lines: {@code totalInvoices} is the sum of the invoices, {@code totalCreditNotes}
 * the (positive) sum of the credit notes and {@code netTotal} their difference; otherwise
 * the constructor throws {@link IllegalArgumentException}. {@code creditedOn}, the day
 * the current account was credited, is {@code null} while not known; the quittance is
 * then dated on the day of submission (Europe/Paris).
 */
public record SubrogationReceiptDocument(String remittanceNumber, Instant submittedAt, @Nullable LocalDate creditedOn,
		Party company, Party factor, String contractReference, List<Line> lines, Money totalInvoices,
		Money totalCreditNotes, Money netTotal) {

	public SubrogationReceiptDocument {
		Objects.requireNonNull(remittanceNumber, "remittanceNumber");
		Objects.requireNonNull(submittedAt, "submittedAt");
		Objects.requireNonNull(company, "company");
		Objects.requireNonNull(factor, "factor");
		Objects.requireNonNull(contractReference, "contractReference");
		Objects.requireNonNull(totalInvoices, "totalInvoices");
		Objects.requireNonNull(totalCreditNotes, "totalCreditNotes");
		Objects.requireNonNull(netTotal, "netTotal");
		lines = List.copyOf(lines);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A remittance lists at least one invoice or credit note");
		}
		Money invoices = Money.zero(totalInvoices.currency());
		Money creditNotes = Money.zero(totalInvoices.currency());
		for (Line line : lines) {
			if (line.creditNote()) {
				creditNotes = creditNotes.plus(line.amountInclVat());
			}
			else {
				invoices = invoices.plus(line.amountInclVat());
			}
		}
		if (invoices.compareTo(totalInvoices) != 0 || creditNotes.compareTo(totalCreditNotes) != 0
				|| invoices.minus(creditNotes).compareTo(netTotal) != 0) {
			throw new IllegalArgumentException("Totals of remittance " + remittanceNumber
					+ " do not agree with its lines: invoices " + invoices + ", credit notes " + creditNotes);
		}
	}

	/**
	 * One assigned invoice or credit note. {@code amountInclVat} is positive for both;
	 * {@code creditorReference} is the ISO 11649 (RF) reference the debtor quotes when
	 * paying.
	 */
	public record Line(String number, boolean creditNote, String debtorName, Siren debtorSiren, LocalDate issueDate,
			LocalDate dueDate, Money amountInclVat, String creditorReference) {

		public Line {
			Objects.requireNonNull(number, "number");
			Objects.requireNonNull(debtorName, "debtorName");
			Objects.requireNonNull(debtorSiren, "debtorSiren");
			Objects.requireNonNull(issueDate, "issueDate");
			Objects.requireNonNull(dueDate, "dueDate");
			Objects.requireNonNull(amountInclVat, "amountInclVat");
			Objects.requireNonNull(creditorReference, "creditorReference");
			if (!amountInclVat.isPositive()) {
				throw new IllegalArgumentException("The amount of " + number + " must be positive: " + amountInclVat);
			}
		}

		/** The amount as the quittance prints it: negative for a credit note. */
		public Money signedAmount() {
			return creditNote ? amountInclVat.negate() : amountInclVat;
		}

	}

}
