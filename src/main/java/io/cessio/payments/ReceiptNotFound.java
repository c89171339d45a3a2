package io.cessio.payments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No receipt with this id for the company (or the user may not see it). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReceiptNotFound extends RuntimeException {

	public ReceiptNotFound(String id) {
		super("No receipt " + id);
	}

}
