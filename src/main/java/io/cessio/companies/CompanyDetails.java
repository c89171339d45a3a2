package io.cessio.companies;

import java.util.Objects;

import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * Who a client company is: legal name, SIREN, registered address and operating bank
 * account.
 */
public record CompanyDetails(String legalName, Siren siren, PostalAddress address, Iban operatingIban) {

	public CompanyDetails {
		Objects.requireNonNull(legalName, "legalName");
		legalName = legalName.strip();
		if (legalName.isEmpty() || legalName.length() > 200) {
			throw new IllegalArgumentException("legal name must have 1 to 200 characters");
		}
		Objects.requireNonNull(siren, "siren");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(operatingIban, "operatingIban");
	}

}
