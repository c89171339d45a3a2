package io.cessio.banking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No dedicated account here, or not one the current user may see (both answer 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DedicatedAccountNotFound extends RuntimeException {

	public DedicatedAccountNotFound(String what) {
		super("Dedicated account not found: " + what);
	}

}
