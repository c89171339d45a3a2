package io.cessio.invoices;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such invoice, remittance or document, or one of another company (both answer 404 on
 * purpose).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class InvoiceNotFound extends RuntimeException {

	public InvoiceNotFound(String what) {
		super("Not found: " + what);
	}

}
