package io.cessio.companies;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such company, or not one the current user may see (both answer 404 on purpose). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CompanyNotFound extends RuntimeException {

	public CompanyNotFound(CompanyId id) {
		super("Company not found: " + id);
	}

}
