package io.cessio.companies;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cessio.platform.security.Role;

/** What is needed to create an account; a company user names their company. */
public record NewUser(String username, String displayName, String email, Role role, @Nullable CompanyId companyId,
		String initialPassword) {

	public NewUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(initialPassword, "initialPassword");
		if ((role == Role.COMPANY_USER) != (companyId != null)) {
			throw new IllegalArgumentException("A company user needs a company; factor staff have none");
		}
	}

	@Override
	public String toString() {
		return "NewUser[" + username + ", " + role + "]";
	}

}
