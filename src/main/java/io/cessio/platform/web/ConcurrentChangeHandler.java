package io.cessio.platform.web;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Two people changed the same record at once (optimistic version check, lock timeout or
 * serialization failure): the one who lost gets the 409 page, nothing of theirs was
 * saved, and they can look again and retry.
 */
@ControllerAdvice
class ConcurrentChangeHandler {

	@ExceptionHandler(ConcurrencyFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "error/409";
	}

}
