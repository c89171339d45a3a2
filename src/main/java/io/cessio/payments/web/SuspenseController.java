package io.cessio.payments.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.SettlementRefused;
import io.cessio.payments.AllocationRefused;
import io.cessio.payments.ManualAllocation;
import io.cessio.payments.ReceiptDetail;
import io.cessio.payments.SuspenseQueue;
import io.cessio.shared.Money;

/**
 * The suspense work queue of a company, and one receipt: its suggestions, the manual
 * allocation split across invoices, the return to the company.
 */
@Controller
class SuspenseController {

	private final SuspenseQueue suspense;

	private final CompanyManagement companies;

	private final InvoiceManagement invoices;

	SuspenseController(SuspenseQueue suspense, CompanyManagement companies, InvoiceManagement invoices) {
		this.suspense = suspense;
		this.companies = companies;
		this.invoices = invoices;
	}

	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@GetMapping("/companies/{id}/suspense")
	String ofCompany(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		var items = suspense.of(companyId);
		model.addAttribute("items", items);
		model.addAttribute("ageing", StatementController.ageing(items));
		model.addAttribute("allCompanies", false);
		return "payments/suspense";
	}

	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@GetMapping("/receipts/{id}")
	String show(@PathVariable UUID id, Model model) {
		ReceiptDetail detail = suspense.receipt(id);
		model.addAttribute("detail", detail);
		model.addAttribute("company", companies.find(detail.receipt().companyId()));
		model.addAttribute("invoiceNumbers",
				detail.allocations()
					.stream()
					.filter(allocation -> allocation.invoiceId() != null)
					.collect(java.util.stream.Collectors.toMap(allocation -> allocation.invoiceId(),
							allocation -> invoices.find(new InvoiceId(allocation.invoiceId())).number(), (a, b) -> a)));
		return "payments/receipt";
	}

	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@PostMapping("/receipts/{id}/allocate")
	String allocate(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(name = "invoiceId", required = false) List<String> invoiceIds,
			@RequestParam(name = "amount", required = false) List<String> amounts, RedirectAttributes redirect) {
		List<ManualAllocation> parts = new ArrayList<>();
		try {
			if (invoiceIds != null && amounts != null) {
				for (int i = 0; i < invoiceIds.size() && i < amounts.size(); i++) {
					String amount = amounts.get(i) == null ? ""
							: amounts.get(i).strip().replace(" ", "").replace(',', '.');
					if (invoiceIds.get(i) == null || invoiceIds.get(i).isBlank() || amount.isEmpty()) {
						continue;
					}
					BigDecimal value = new BigDecimal(amount);
					if (value.scale() > 2 || value.signum() <= 0) {
						throw new NumberFormatException(amount);
					}
					parts.add(new ManualAllocation(new InvoiceId(UUID.fromString(invoiceIds.get(i).strip())),
							Money.eur(value)));
				}
			}
		}
		catch (IllegalArgumentException invalid) {
			redirect.addFlashAttribute("errorMessage", "suspense.error.amount");
			return "redirect:/receipts/" + id;
		}
		try {
			suspense.allocate(id, version, parts);
			redirect.addFlashAttribute("successMessage", "suspense.flash.allocated");
		}
		catch (AllocationRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		catch (SettlementRefused | io.cessio.invoices.InvoiceNotFound refused) {
			redirect.addFlashAttribute("errorMessage", "suspense.error.invoice");
		}
		return "redirect:/receipts/" + id;
	}

	@PreAuthorize("hasAnyRole('COMPANY_USER', 'OPS', 'ADMIN')")
	@PostMapping("/receipts/{id}/return")
	String returnToCompany(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			suspense.returnToCompany(id, version, reason == null ? "" : reason);
			redirect.addFlashAttribute("successMessage", "suspense.flash.returned");
		}
		catch (AllocationRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		return "redirect:/receipts/" + id;
	}

}
