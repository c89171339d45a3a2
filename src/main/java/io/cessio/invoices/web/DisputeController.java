package io.cessio.invoices.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.invoices.DisputeRefused;
import io.cessio.invoices.Disputes;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.shared.Money;

/** Declaring and withdrawing a dispute on an invoice, from the invoice's page. */
@Controller
@PreAuthorize("hasAnyRole('COMPANY_USER', 'ANALYST')")
class DisputeController {

	private final Disputes disputes;

	private final InvoiceManagement invoices;

	DisputeController(Disputes disputes, InvoiceManagement invoices) {
		this.disputes = disputes;
		this.invoices = invoices;
	}

	@PostMapping("/invoices/{id}/disputes")
	String declare(@PathVariable UUID id, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		InvoiceId invoice = new InvoiceId(id);
		invoices.find(invoice);
		if (amount == null || amount.scale() > 2) {
			redirect.addFlashAttribute("errorMessage", "disputes.error.amount");
			return "redirect:/invoices/" + id;
		}
		try {
			disputes.declare(invoice, Money.eur(amount), reason);
			redirect.addFlashAttribute("successMessage", "disputes.flash.declared");
		}
		catch (DisputeRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		return "redirect:/invoices/" + id;
	}

	@PostMapping("/invoices/{id}/disputes/withdraw")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		InvoiceId invoice = new InvoiceId(id);
		invoices.find(invoice);
		try {
			disputes.withdraw(invoice, note == null ? "" : note);
			redirect.addFlashAttribute("successMessage", "disputes.flash.withdrawn");
		}
		catch (DisputeRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		return "redirect:/invoices/" + id;
	}

}
