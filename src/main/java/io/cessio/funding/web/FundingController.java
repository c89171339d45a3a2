package io.cessio.funding.web;

import java.util.Locale;
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
import io.cessio.funding.DrawRefused;
import io.cessio.funding.FundingManagement;
import io.cessio.platform.web.MoneyFormat;
import io.cessio.shared.Money;

/**
 * "Why is my availability X?": every line of the availability explained, each with the
 * invoices behind it; the company's payouts; a draw up to what can be drawn.
 */
@Controller
class FundingController {

	private final FundingManagement funding;

	private final CompanyManagement companies;

	FundingController(FundingManagement funding, CompanyManagement companies) {
		this.funding = funding;
		this.companies = companies;
	}

	@GetMapping("/companies/{id}/availability")
	String availability(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("availability", funding.availability(companyId));
		model.addAttribute("payouts", funding.payoutsOf(companyId));
		return "funding/availability";
	}

	/** The summary on the company's page, loaded there with htmx. */
	@GetMapping("/companies/{id}/availability/summary")
	String summary(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("availability", funding.availability(companyId));
		return "funding/summary :: summary";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/companies/{id}/draws/new")
	String drawForm(@PathVariable UUID id, Model model) {
		DrawForm form = new DrawForm();
		form.setToken(UUID.randomUUID().toString());
		return drawView(new CompanyId(id), form, model);
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/draws")
	String draw(@PathVariable UUID id, @Valid @ModelAttribute("form") DrawForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		if (result.hasErrors()) {
			return drawView(companyId, form, model);
		}
		try {
			funding.requestDraw(companyId, Money.eur(form.getAmount()), form.getToken());
			redirect.addFlashAttribute("successMessage", "funding.flash.drawRequested");
			return "redirect:/companies/" + id + "/availability";
		}
		catch (DrawRefused refused) {
			result.rejectValue("amount", "funding.error.drawTooLarge",
					new Object[] { MoneyFormat.format(refused.drawable(), Locale.FRANCE) }, refused.getMessage());
			return drawView(companyId, form, model);
		}
	}

	private String drawView(CompanyId companyId, DrawForm form, Model model) {
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("availability", funding.availability(companyId));
		model.addAttribute("form", form);
		return "funding/draw";
	}

}
