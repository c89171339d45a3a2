package io.cessio.companies;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else saved the record after this form was opened; nothing was changed. */
@ResponseStatus(HttpStatus.CONFLICT)
public class StaleEdit extends RuntimeException {

	public StaleEdit(String what) {
		super(what + " was changed by someone else in the meantime");
	}

}
