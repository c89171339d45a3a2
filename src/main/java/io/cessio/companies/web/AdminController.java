package io.cessio.companies.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyManagement;
import io.cessio.companies.FactorDetails;
import io.cessio.companies.FactorManagement;
import io.cessio.companies.UserManagement;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;
import io.cessio.shared.ValidBic;
import io.cessio.shared.ValidIban;
import io.cessio.shared.ValidSiren;

/** The administrator's home page and the factor's own details. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

	private final CompanyManagement companies;

	private final UserManagement users;

	private final FactorManagement factor;

	AdminController(CompanyManagement companies, UserManagement users, FactorManagement factor) {
		this.companies = companies;
		this.users = users;
		this.factor = factor;
	}

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("companies", companies.list());
		model.addAttribute("users", users.list());
		model.addAttribute("factor", factor.details().orElse(null));
		return "admin/home";
	}

	@GetMapping("/admin/factor")
	String factorForm(Model model) {
		FactorForm form = new FactorForm();
		factor.details().ifPresent(form::fill);
		form.setVersion(factor.version());
		model.addAttribute("form", form);
		return "admin/factor";
	}

	@PostMapping("/admin/factor")
	String saveFactor(@Valid @ModelAttribute("form") FactorForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "admin/factor";
		}
		FactorDetails details;
		try {
			details = form.toDetails();
		}
		catch (IllegalArgumentException ex) {
			result.reject("companies.error.invalid", new Object[] { ex.getMessage() }, ex.getMessage());
			return "admin/factor";
		}
		factor.save(details, form.getVersion());
		redirect.addFlashAttribute("successMessage", "factor.flash.saved");
		return "redirect:/admin";
	}

	/** The factor's details form. */
	public static class FactorForm {

		@NotBlank
		@Size(max = 200)
		private String legalName;

		@NotBlank
		@ValidSiren
		private String siren;

		@NotBlank
		@ValidIban
		private String iban;

		@NotBlank
		@ValidBic
		private String bic;

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

		private long version = -1;

		void fill(FactorDetails details) {
			legalName = details.legalName();
			siren = details.siren().value();
			iban = details.iban().formatted();
			bic = details.bic().value();
			street = details.address().street();
			postalCode = details.address().postalCode();
			city = details.address().city();
			country = details.address().country();
		}

		FactorDetails toDetails() {
			return new FactorDetails(legalName, Siren.of(siren), Iban.of(iban), new Bic(bic),
					new PostalAddress(street, postalCode, city, country));
		}

		public String getLegalName() {
			return legalName;
		}

		public void setLegalName(String value) {
			this.legalName = value;
		}

		public String getSiren() {
			return siren;
		}

		public void setSiren(String value) {
			this.siren = value;
		}

		public String getIban() {
			return iban;
		}

		public void setIban(String value) {
			this.iban = value;
		}

		public String getBic() {
			return bic;
		}

		public void setBic(String value) {
			this.bic = value;
		}

		public String getStreet() {
			return street;
		}

		public void setStreet(String value) {
			this.street = value;
		}

		public String getPostalCode() {
			return postalCode;
		}

		public void setPostalCode(String value) {
			this.postalCode = value;
		}

		public String getCity() {
			return city;
		}

		public void setCity(String value) {
			this.city = value;
		}

		public String getCountry() {
			return country;
		}

		public void setCountry(String value) {
			this.country = value;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long value) {
			this.version = value;
		}

	}

}
