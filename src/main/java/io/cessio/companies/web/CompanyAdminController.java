package io.cessio.companies.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyDetails;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.ContractTerms;
import io.cessio.companies.DuplicateSiren;

/**
 * An administrator onboards client companies and edits their details and contract terms.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CompanyAdminController {

	private final CompanyManagement companies;

	CompanyAdminController(CompanyManagement companies) {
		this.companies = companies;
	}

	@GetMapping("/admin/companies/new")
	String newForm(Model model) {
		model.addAttribute("form", CompanyForm.withTerms(ContractTerms.standard()));
		return "companies/form";
	}

	@PostMapping("/admin/companies")
	String create(@Valid @ModelAttribute("form") CompanyForm form, BindingResult result, RedirectAttributes redirect) {
		Parsed parsed = parse(form, result);
		if (parsed == null) {
			return "companies/form";
		}
		try {
			CompanyId id = companies.onboard(parsed.details(), parsed.terms());
			redirect.addFlashAttribute("successMessage", "companies.flash.created");
			return "redirect:/companies/" + id;
		}
		catch (DuplicateSiren ex) {
			result.rejectValue("siren", "companies.error.duplicateSiren");
			return "companies/form";
		}
	}

	@GetMapping("/admin/companies/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		model.addAttribute("form", CompanyForm.of(companies.find(new CompanyId(id))));
		model.addAttribute("companyId", id);
		return "companies/form";
	}

	@PostMapping("/admin/companies/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CompanyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("companyId", id);
		Parsed parsed = parse(form, result);
		if (parsed == null) {
			return "companies/form";
		}
		try {
			companies.change(new CompanyId(id), form.getVersion(), parsed.details(), parsed.terms());
			redirect.addFlashAttribute("successMessage", "companies.flash.updated");
			return "redirect:/companies/" + id;
		}
		catch (DuplicateSiren ex) {
			result.rejectValue("siren", "companies.error.duplicateSiren");
			return "companies/form";
		}
	}

	/**
	 * Domain rules beyond the form's own constraints (e.g. a French postal code) become
	 * form errors.
	 */
	private static Parsed parse(CompanyForm form, BindingResult result) {
		if (result.hasErrors()) {
			return null;
		}
		try {
			return new Parsed(form.toDetails(), form.toTerms());
		}
		catch (IllegalArgumentException ex) {
			result.reject("companies.error.invalid", new Object[] { ex.getMessage() }, ex.getMessage());
			return null;
		}
	}

	private record Parsed(CompanyDetails details, ContractTerms terms) {
	}

}
