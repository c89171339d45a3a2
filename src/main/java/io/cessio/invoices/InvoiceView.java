package io.cessio.invoices;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorId;
import io.cessio.shared.CreditorReference;
import io.cessio.shared.Money;

/**
 * An invoice or credit note as pages and other modules see it; {@code openAmount} is what
 * remains to be paid (of a credit note: to be used), incl. VAT.
 */
public record InvoiceView(InvoiceId id, CompanyId companyId, DebtorId debtorId, InvoiceKind kind, String number,
		LocalDate issueDate, LocalDate dueDate, Money amountExclVat, Money vatAmount, Money amountInclVat,
		Money openAmount, InvoiceStatus status, InvoiceSource source, @Nullable String einvoiceId,
		CreditorReference creditorReference, @Nullable RemittanceId remittanceId, @Nullable InvoiceDecision decision,
		Instant createdAt, long version) {

	public boolean isCreditNote() {
		return kind == InvoiceKind.CREDIT_NOTE;
	}

	/** The amount incl. VAT with its sign: negative for a credit note. */
	public Money signedAmount() {
		return isCreditNote() ? amountInclVat.negate() : amountInclVat;
	}

}
