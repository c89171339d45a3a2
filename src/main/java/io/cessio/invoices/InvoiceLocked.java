package io.cessio.invoices;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The invoice is in a submitted remittance: it can no longer be changed or deleted. */
@ResponseStatus(HttpStatus.CONFLICT)
public class InvoiceLocked extends RuntimeException {

	public InvoiceLocked(String number) {
		super("Invoice " + number + " has been submitted and can no longer be changed");
	}

}
