package io.cessio.debtors;

import java.util.Objects;

import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * What the company says about its customer: legal name, SIREN, address and the e-mail
 * address statements go to.
 */
public record DebtorDetails(String legalName, Siren siren, PostalAddress address, String email) {

	public DebtorDetails {
		Objects.requireNonNull(legalName, "legalName");
		legalName = legalName.strip();
		if (legalName.isEmpty() || legalName.length() > 200) {
			throw new IllegalArgumentException("legal name must have 1 to 200 characters");
		}
		Objects.requireNonNull(siren, "siren");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(email, "email");
		email = email.strip();
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
			throw new IllegalArgumentException("Invalid e-mail address: " + email);
		}
	}

}
