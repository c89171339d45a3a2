package io.cessio.invoices;

/** The structured e-invoice formats Cessio reads. */
public enum EInvoiceFormat {

	/** A PDF/A-3 carrying a CII invoice (Factur-X, ZUGFeRD 2). */
	FACTUR_X,

	/** A bare UN/CEFACT Cross Industry Invoice (D16B) XML. */
	CII,

	/** An OASIS UBL 2 Invoice or CreditNote XML. */
	UBL

}
