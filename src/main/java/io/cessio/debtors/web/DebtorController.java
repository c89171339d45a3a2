package io.cessio.debtors.web;

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

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.debtors.Approval;
import io.cessio.debtors.CreditInsurance;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.debtors.DuplicateDebtor;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * A debtor's page; the company registers and edits its customers, the analyst sets
 * approval, blocking and insurance. The list with outstanding amounts is the invoices
 * module's (it knows what is outstanding).
 */
@Controller
class DebtorController {

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	DebtorController(DebtorManagement debtors, CompanyManagement companies) {
		this.debtors = debtors;
		this.companies = companies;
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/companies/{id}/debtors/new")
	String newForm(@PathVariable UUID id, Model model) {
		model.addAttribute("company", companies.find(new CompanyId(id)));
		model.addAttribute("form", new DebtorForm());
		return "debtors/form";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/debtors")
	String create(@PathVariable UUID id, @Valid @ModelAttribute("form") DebtorForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		if (result.hasErrors()) {
			return "debtors/form";
		}
		try {
			DebtorId debtor = debtors.register(companyId, form.toDetails());
			redirect.addFlashAttribute("successMessage", "debtors.flash.registered");
			return "redirect:/debtors/" + debtor;
		}
		catch (DuplicateDebtor duplicate) {
			result.rejectValue("siren", "debtors.error.duplicate");
		}
		catch (IllegalArgumentException invalid) {
			result.reject("debtors.error.invalid", new Object[] { invalid.getMessage() }, invalid.getMessage());
		}
		return "debtors/form";
	}

	@GetMapping("/debtors/{id}")
	String show(@PathVariable UUID id, Model model) {
		DebtorView debtor = debtors.find(new DebtorId(id));
		model.addAttribute("debtor", debtor);
		model.addAttribute("company", companies.find(debtor.companyId()));
		DebtorTermsForm terms = new DebtorTermsForm();
		if (debtor.approval() != null) {
			terms.setApprovalLimit(debtor.approval().limit().amount());
			terms.setApprovalExpiresOn(debtor.approval().expiresOn());
		}
		if (debtor.insurance() != null) {
			terms.setInsurer(debtor.insurance().insurer());
			terms.setInsuredLimit(debtor.insurance().insuredLimit().amount());
			terms.setCoverPercent(debtor.insurance().cover().percent());
		}
		model.addAttribute("terms", terms);
		return "debtors/show";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/debtors/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		DebtorView debtor = debtors.find(new DebtorId(id));
		model.addAttribute("company", companies.find(debtor.companyId()));
		model.addAttribute("debtor", debtor);
		model.addAttribute("form", DebtorForm.of(debtor));
		return "debtors/form";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/debtors/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") DebtorForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		DebtorView debtor = debtors.find(new DebtorId(id));
		model.addAttribute("company", companies.find(debtor.companyId()));
		model.addAttribute("debtor", debtor);
		if (result.hasErrors()) {
			return "debtors/form";
		}
		try {
			debtors.change(debtor.id(), form.getVersion(), form.toDetails());
			redirect.addFlashAttribute("successMessage", "debtors.flash.updated");
			return "redirect:/debtors/" + id;
		}
		catch (DuplicateDebtor duplicate) {
			result.rejectValue("siren", "debtors.error.duplicate");
		}
		catch (IllegalArgumentException invalid) {
			result.reject("debtors.error.invalid", new Object[] { invalid.getMessage() }, invalid.getMessage());
		}
		return "debtors/form";
	}

	@PreAuthorize("hasRole('ANALYST')")
	@PostMapping("/debtors/{id}/approval")
	String setApproval(@PathVariable UUID id, @ModelAttribute("terms") DebtorTermsForm terms, BindingResult result,
			RedirectAttributes redirect) {
		DebtorId debtor = new DebtorId(id);
		if (result.hasErrors()) {
			debtors.find(debtor);
			redirect.addFlashAttribute("errorMessage", "debtors.error.approval");
		}
		else if (terms.getApprovalLimit() == null && terms.getApprovalExpiresOn() == null) {
			debtors.setApproval(debtor, null);
			redirect.addFlashAttribute("successMessage", "debtors.flash.approvalWithdrawn");
		}
		else if (terms.getApprovalLimit() == null || terms.getApprovalExpiresOn() == null
				|| terms.getApprovalLimit().signum() < 0 || terms.getApprovalLimit().scale() > 2) {
			debtors.find(debtor);
			redirect.addFlashAttribute("errorMessage", "debtors.error.approval");
		}
		else {
			debtors.setApproval(debtor,
					new Approval(Money.eur(terms.getApprovalLimit()), terms.getApprovalExpiresOn()));
			redirect.addFlashAttribute("successMessage", "debtors.flash.approvalSet");
		}
		return "redirect:/debtors/" + id;
	}

	@PreAuthorize("hasRole('ANALYST')")
	@PostMapping("/debtors/{id}/insurance")
	String setInsurance(@PathVariable UUID id, @ModelAttribute("terms") DebtorTermsForm terms, BindingResult result,
			RedirectAttributes redirect) {
		DebtorId debtor = new DebtorId(id);
		if (result.hasErrors()) {
			debtors.find(debtor);
			redirect.addFlashAttribute("errorMessage", "debtors.error.insurance");
			return "redirect:/debtors/" + id;
		}
		boolean none = (terms.getInsurer() == null || terms.getInsurer().isBlank()) && terms.getInsuredLimit() == null
				&& terms.getCoverPercent() == null;
		try {
			debtors.setInsurance(debtor, none ? null : new CreditInsurance(terms.getInsurer(),
					Money.eur(terms.getInsuredLimit()), Rate.ofPercent(terms.getCoverPercent())));
			redirect.addFlashAttribute("successMessage", "debtors.flash.insuranceSet");
		}
		catch (IllegalArgumentException | NullPointerException invalid) {
			debtors.find(debtor);
			redirect.addFlashAttribute("errorMessage", "debtors.error.insurance");
		}
		return "redirect:/debtors/" + id;
	}

	@PreAuthorize("hasRole('ANALYST')")
	@PostMapping("/debtors/{id}/block")
	String block(@PathVariable UUID id, @ModelAttribute("terms") DebtorTermsForm terms, RedirectAttributes redirect) {
		DebtorId debtor = new DebtorId(id);
		try {
			debtors.block(debtor, terms.getBlockReason());
			redirect.addFlashAttribute("successMessage", "debtors.flash.blocked");
		}
		catch (IllegalArgumentException invalid) {
			debtors.find(debtor);
			redirect.addFlashAttribute("errorMessage", "debtors.error.blockReason");
		}
		return "redirect:/debtors/" + id;
	}

	@PreAuthorize("hasRole('ANALYST')")
	@PostMapping("/debtors/{id}/unblock")
	String unblock(@PathVariable UUID id, RedirectAttributes redirect) {
		debtors.unblock(new DebtorId(id));
		redirect.addFlashAttribute("successMessage", "debtors.flash.unblocked");
		return "redirect:/debtors/" + id;
	}

}
