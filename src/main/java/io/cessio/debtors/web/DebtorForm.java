package io.cessio.debtors.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cessio.debtors.DebtorDetails;
import io.cessio.debtors.DebtorView;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;
import io.cessio.shared.ValidSiren;

/** What the company types about a customer. */
public class DebtorForm {

	@NotBlank
	@Size(max = 200)
	private String legalName;

	@NotBlank
	@ValidSiren
	private String siren;

	@NotBlank
	@Size(max = 200)
	private String street;

	@NotBlank
	@Size(max = 10)
	private String postalCode;

	@NotBlank
	@Size(max = 100)
	private String city;

	@NotBlank
	@Pattern(regexp = "[A-Za-z]{2}")
	private String country = "FR";

	@NotBlank
	@Email
	@Size(max = 254)
	private String email;

	private long version;

	static DebtorForm of(DebtorView debtor) {
		DebtorForm form = new DebtorForm();
		DebtorDetails details = debtor.details();
		form.legalName = details.legalName();
		form.siren = details.siren().value();
		form.street = details.address().street();
		form.postalCode = details.address().postalCode();
		form.city = details.address().city();
		form.country = details.address().country();
		form.email = details.email();
		form.version = debtor.version();
		return form;
	}

	/** The details, or an exception whose message names the first rule broken. */
	DebtorDetails toDetails() {
		return new DebtorDetails(legalName, Siren.of(siren), new PostalAddress(street, postalCode, city, country),
				email);
	}

	public String getLegalName() {
		return legalName;
	}

	public void setLegalName(String legalName) {
		this.legalName = legalName;
	}

	public String getSiren() {
		return siren;
	}

	public void setSiren(String siren) {
		this.siren = siren;
	}

	public String getStreet() {
		return street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
