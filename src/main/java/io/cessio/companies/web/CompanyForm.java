package io.cessio.companies.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cessio.companies.CompanyDetails;
import io.cessio.companies.CompanyView;
import io.cessio.companies.ContractTerms;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;
import io.cessio.shared.ValidAmount;
import io.cessio.shared.ValidIban;
import io.cessio.shared.ValidPercent;
import io.cessio.shared.ValidSiren;

/**
 * The company form: identity, operating account and contract terms (rates typed in
 * percent).
 */
public class CompanyForm {

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
	@ValidIban
	private String operatingIban;

	@NotNull
	@ValidPercent(exclusiveMin = true)
	private BigDecimal advanceRatePercent;

	@NotNull
	@ValidPercent(max = "10")
	private BigDecimal commissionRatePercent;

	@NotNull
	@ValidAmount
	private BigDecimal perInvoiceFee;

	@NotNull
	@ValidPercent
	private BigDecimal feeVatRatePercent;

	@NotNull
	@ValidPercent(max = "20")
	private BigDecimal financingMarginPercent;

	@NotNull
	@ValidAmount(positive = true)
	private BigDecimal facilityLimit;

	@NotNull
	@ValidPercent(exclusiveMin = true)
	private BigDecimal concentrationLimitPercent;

	@NotNull
	@Min(0)
	@Max(365)
	private Integer defundingDays;

	@NotNull
	@Min(1)
	@Max(365)
	private Integer maxTermDays;

	@NotNull
	@ValidAmount
	private BigDecimal fourEyesThreshold;

	private boolean autoPayout;

	private boolean autoRefund;

	private long version;

	public static CompanyForm withTerms(ContractTerms terms) {
		CompanyForm form = new CompanyForm();
		form.setTerms(terms);
		return form;
	}

	public static CompanyForm of(CompanyView company) {
		CompanyForm form = new CompanyForm();
		CompanyDetails details = company.details();
		form.legalName = details.legalName();
		form.siren = details.siren().value();
		form.street = details.address().street();
		form.postalCode = details.address().postalCode();
		form.city = details.address().city();
		form.country = details.address().country();
		form.operatingIban = details.operatingIban().formatted();
		form.setTerms(company.terms());
		form.version = company.version();
		return form;
	}

	private void setTerms(ContractTerms terms) {
		advanceRatePercent = terms.advanceRate().percent();
		commissionRatePercent = terms.commissionRate().percent();
		perInvoiceFee = terms.perInvoiceFee().amount();
		feeVatRatePercent = terms.feeVatRate().percent();
		financingMarginPercent = terms.financingMargin().percent();
		facilityLimit = terms.facilityLimit().amount();
		concentrationLimitPercent = terms.concentrationLimit().percent();
		defundingDays = terms.defundingDays();
		maxTermDays = terms.maxTermDays();
		fourEyesThreshold = terms.fourEyesThreshold().amount();
		autoPayout = terms.autoPayout();
		autoRefund = terms.autoRefund();
	}

	/** Only called once Bean Validation passed. */
	public CompanyDetails toDetails() {
		return new CompanyDetails(legalName, Siren.of(siren), new PostalAddress(street, postalCode, city, country),
				Iban.of(operatingIban));
	}

	/** Only called once Bean Validation passed. */
	public ContractTerms toTerms() {
		return new ContractTerms(Rate.ofPercent(advanceRatePercent), Rate.ofPercent(commissionRatePercent),
				Money.eur(perInvoiceFee), Rate.ofPercent(feeVatRatePercent), Rate.ofPercent(financingMarginPercent),
				Money.eur(facilityLimit), Rate.ofPercent(concentrationLimitPercent), defundingDays, maxTermDays,
				Money.eur(fourEyesThreshold), autoPayout, autoRefund);
	}

	// accessors for binding

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

	public String getOperatingIban() {
		return operatingIban;
	}

	public void setOperatingIban(String operatingIban) {
		this.operatingIban = operatingIban;
	}

	public BigDecimal getAdvanceRatePercent() {
		return advanceRatePercent;
	}

	public void setAdvanceRatePercent(BigDecimal value) {
		this.advanceRatePercent = value;
	}

	public BigDecimal getCommissionRatePercent() {
		return commissionRatePercent;
	}

	public void setCommissionRatePercent(BigDecimal value) {
		this.commissionRatePercent = value;
	}

	public BigDecimal getPerInvoiceFee() {
		return perInvoiceFee;
	}

	public void setPerInvoiceFee(BigDecimal value) {
		this.perInvoiceFee = value;
	}

	public BigDecimal getFeeVatRatePercent() {
		return feeVatRatePercent;
	}

	public void setFeeVatRatePercent(BigDecimal value) {
		this.feeVatRatePercent = value;
	}

	public BigDecimal getFinancingMarginPercent() {
		return financingMarginPercent;
	}

	public void setFinancingMarginPercent(BigDecimal value) {
		this.financingMarginPercent = value;
	}

	public BigDecimal getFacilityLimit() {
		return facilityLimit;
	}

	public void setFacilityLimit(BigDecimal value) {
		this.facilityLimit = value;
	}

	public BigDecimal getConcentrationLimitPercent() {
		return concentrationLimitPercent;
	}

	public void setConcentrationLimitPercent(BigDecimal value) {
		this.concentrationLimitPercent = value;
	}

	public Integer getDefundingDays() {
		return defundingDays;
	}

	public void setDefundingDays(Integer value) {
		this.defundingDays = value;
	}

	public Integer getMaxTermDays() {
		return maxTermDays;
	}

	public void setMaxTermDays(Integer value) {
		this.maxTermDays = value;
	}

	public BigDecimal getFourEyesThreshold() {
		return fourEyesThreshold;
	}

	public void setFourEyesThreshold(BigDecimal value) {
		this.fourEyesThreshold = value;
	}

	public boolean isAutoPayout() {
		return autoPayout;
	}

	public void setAutoPayout(boolean autoPayout) {
		this.autoPayout = autoPayout;
	}

	public boolean isAutoRefund() {
		return autoRefund;
	}

	public void setAutoRefund(boolean autoRefund) {
		this.autoRefund = autoRefund;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
