package io.cessio.companies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * The factor's own identity, as printed on letters and in payment files. There is one.
 */
@Entity
@Table(name = "factor_profile")
class FactorProfile {

	static final short THE_FACTOR = 1;

	@Id
	private Short id;

	@Version
	private Long version;

	private String legalName;

	private Siren siren;

	private Iban iban;

	private Bic bic;

	private String street;

	private String postalCode;

	private String city;

	private String country;

	protected FactorProfile() {
	}

	FactorProfile(FactorDetails details) {
		this.id = THE_FACTOR;
		apply(details);
	}

	void apply(FactorDetails details) {
		this.legalName = details.legalName();
		this.siren = details.siren();
		this.iban = details.iban();
		this.bic = details.bic();
		this.street = details.address().street();
		this.postalCode = details.address().postalCode();
		this.city = details.address().city();
		this.country = details.address().country();
	}

	FactorDetails details() {
		return new FactorDetails(legalName, siren, iban, bic, new PostalAddress(street, postalCode, city, country));
	}

	long version() {
		return version == null ? 0 : version;
	}

}
