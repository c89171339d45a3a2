package io.cessio.companies;

import java.util.Objects;

import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * The factor's identity: name, SIREN, the account payouts are made from, and its address.
 */
public record FactorDetails(String legalName, Siren siren, Iban iban, Bic bic, PostalAddress address) {

	public FactorDetails {
		Objects.requireNonNull(legalName, "legalName");
		legalName = legalName.strip();
		if (legalName.isEmpty() || legalName.length() > 200) {
			throw new IllegalArgumentException("legal name must have 1 to 200 characters");
		}
		Objects.requireNonNull(siren, "siren");
		Objects.requireNonNull(iban, "iban");
		Objects.requireNonNull(bic, "bic");
		Objects.requireNonNull(address, "address");
	}

}
