package io.cessio.companies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;

/** A client company (adhérent) and its contract terms. */
@Entity
@Table(name = "company")
class Company {

	@EmbeddedId
	private CompanyId id;

	@Version
	private Long version;

	private String legalName;

	private Siren siren;

	private String street;

	private String postalCode;

	private String city;

	private String country;

	private Iban operatingIban;

	private Rate advanceRate;

	private Rate commissionRate;

	// one currency column for the whole contract: written through facilityLimit, read by
	// all three
	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "per_invoice_fee", precision = 19, scale = 2))
	@AttributeOverride(name = "currency", column = @Column(name = "currency", insertable = false, updatable = false))
	private Money perInvoiceFee;

	private Rate feeVatRate;

	private Rate financingMargin;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "facility_limit", precision = 19, scale = 2))
	@AttributeOverride(name = "currency", column = @Column(name = "currency"))
	private Money facilityLimit;

	private Rate concentrationLimit;

	private int defundingDays;

	private int maxTermDays;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "four_eyes_threshold", precision = 19, scale = 2))
	@AttributeOverride(name = "currency", column = @Column(name = "currency", insertable = false, updatable = false))
	private Money fourEyesThreshold;

	private boolean autoPayout;

	private boolean autoRefund;

	private Instant onboardedAt;

	protected Company() {
	}

	Company(CompanyId id, CompanyDetails details, ContractTerms terms, Instant onboardedAt) {
		this.id = id;
		this.onboardedAt = onboardedAt;
		apply(details);
		apply(terms);
	}

	/**
	 * Applies new details and terms; returns what changed, in words, for the audit trail.
	 */
	List<String> change(CompanyDetails details, ContractTerms terms) {
		List<String> changes = new ArrayList<>();
		CompanyDetails before = details();
		ContractTerms.change(changes, "legalName", before.legalName(), details.legalName());
		ContractTerms.change(changes, "siren", before.siren(), details.siren());
		ContractTerms.change(changes, "address", before.address().oneLine(), details.address().oneLine());
		ContractTerms.change(changes, "operatingIban", before.operatingIban().masked(),
				details.operatingIban().masked());
		changes.addAll(terms.differencesFrom(terms()));
		apply(details);
		apply(terms);
		return changes;
	}

	private void apply(CompanyDetails details) {
		this.legalName = details.legalName();
		this.siren = details.siren();
		this.street = details.address().street();
		this.postalCode = details.address().postalCode();
		this.city = details.address().city();
		this.country = details.address().country();
		this.operatingIban = details.operatingIban();
	}

	private void apply(ContractTerms terms) {
		this.advanceRate = terms.advanceRate();
		this.commissionRate = terms.commissionRate();
		this.perInvoiceFee = terms.perInvoiceFee();
		this.feeVatRate = terms.feeVatRate();
		this.financingMargin = terms.financingMargin();
		this.facilityLimit = terms.facilityLimit();
		this.concentrationLimit = terms.concentrationLimit();
		this.defundingDays = terms.defundingDays();
		this.maxTermDays = terms.maxTermDays();
		this.fourEyesThreshold = terms.fourEyesThreshold();
		this.autoPayout = terms.autoPayout();
		this.autoRefund = terms.autoRefund();
	}

	CompanyId id() {
		return id;
	}

	long version() {
		return version == null ? 0 : version;
	}

	CompanyDetails details() {
		return new CompanyDetails(legalName, siren, new PostalAddress(street, postalCode, city, country),
				operatingIban);
	}

	ContractTerms terms() {
		return new ContractTerms(advanceRate, commissionRate, perInvoiceFee, feeVatRate, financingMargin, facilityLimit,
				concentrationLimit, defundingDays, maxTermDays, fourEyesThreshold, autoPayout, autoRefund);
	}

	CompanyView toView() {
		return new CompanyView(id, details(), terms(), onboardedAt, version());
	}

}
