package io.cessio.invoices;

import java.util.Objects;

import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * A company as a document names it: the adhérent, the factor or a debtor. The legal name
 * is printed as given (stripped), escaped, never interpreted as markup.
 */
public record Party(String legalName, Siren siren, PostalAddress address) {

	public Party {
		Objects.requireNonNull(legalName, "legalName");
		legalName = legalName.strip();
		if (legalName.isEmpty()) {
			throw new IllegalArgumentException("A party needs a legal name");
		}
		Objects.requireNonNull(siren, "siren");
		Objects.requireNonNull(address, "address");
	}

}
