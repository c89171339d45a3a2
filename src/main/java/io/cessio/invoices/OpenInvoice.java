package io.cessio.invoices;

import java.time.LocalDate;

import io.cessio.debtors.DebtorId;
import io.cessio.shared.CreditorReference;
import io.cessio.shared.Money;

/**
 * An invoice a debtor's payment may settle, for the lettrage: purchased by the factor
 * with something still open ({@code assigned}), or the company's own invoice never
 * assigned (entered or rejected), whose money belongs to the company.
 */
public record OpenInvoice(InvoiceId id, DebtorId debtorId, String number, CreditorReference creditorReference,
		Money openAmount, LocalDate issueDate, LocalDate dueDate, boolean assigned) {
}
