package io.cessio.debtors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such debtor, or one of another company (both answer 404 on purpose). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DebtorNotFound extends RuntimeException {

	public DebtorNotFound(String id) {
		super("Debtor not found: " + id);
	}

}
