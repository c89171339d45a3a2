package io.cessio.invoices;

import java.math.RoundingMode;

import io.cessio.companies.ContractTerms;
import io.cessio.shared.Money;

/**
 * What the factor charges when it buys a remittance (DOMAIN.md §3.2): the commission on
 * the invoices incl. VAT, a fee per invoice, and VAT on both. Each is rounded half-up to
 * the cent once per remittance (the purchase advice is the document). Credit notes bear
 * neither commission nor fee.
 */
public record PurchaseFees(Money commission, Money invoiceFees, Money vat) {

	public static PurchaseFees of(ContractTerms terms, Money invoicesInclVat, int invoiceCount) {
		Money commission = invoicesInclVat.times(terms.commissionRate(), RoundingMode.HALF_UP);
		Money invoiceFees = terms.perInvoiceFee().times(invoiceCount);
		Money vat = commission.plus(invoiceFees).times(terms.feeVatRate(), RoundingMode.HALF_UP);
		return new PurchaseFees(commission, invoiceFees, vat);
	}

	public Money total() {
		return commission.plus(invoiceFees).plus(vat);
	}

}
