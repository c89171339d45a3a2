package io.cessio.invoices.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceLocked;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceView;
import io.cessio.invoices.RemittanceDocuments;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceManagement;
import io.cessio.invoices.RemittanceView;
import io.cessio.shared.Money;

/**
 * Remittances as the company sees them: submission of the selected invoices, the list, a
 * remittance's status and decisions, the quittance and the notification letters.
 */
@Controller
class RemittanceController {

	private final RemittanceManagement remittances;

	private final RemittanceDocuments documents;

	private final InvoiceManagement invoices;

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	RemittanceController(RemittanceManagement remittances, RemittanceDocuments documents, InvoiceManagement invoices,
			DebtorManagement debtors, CompanyManagement companies) {
		this.remittances = remittances;
		this.documents = documents;
		this.invoices = invoices;
		this.debtors = debtors;
		this.companies = companies;
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/remittances")
	String submit(@PathVariable UUID id, @RequestParam(name = "invoiceIds", required = false) List<UUID> invoiceIds,
			RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		companies.find(companyId);
		if (invoiceIds == null || invoiceIds.isEmpty()) {
			redirect.addFlashAttribute("errorMessage", "remittances.error.nothingSelected");
			return "redirect:/companies/" + id + "/invoices";
		}
		try {
			RemittanceId remittance = remittances.submit(companyId,
					invoiceIds.stream()
						.map(InvoiceId::new)
						.collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
			redirect.addFlashAttribute("successMessage", "remittances.flash.submitted");
			return "redirect:/remittances/" + remittance;
		}
		catch (InvoiceLocked locked) {
			redirect.addFlashAttribute("errorMessage", "remittances.error.alreadySubmitted");
			return "redirect:/companies/" + id + "/invoices";
		}
	}

	@GetMapping("/companies/{id}/remittances")
	String list(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("remittances", remittances.listOf(companyId));
		return "remittances/list";
	}

	@GetMapping("/remittances/{id}")
	String show(@PathVariable UUID id, Model model) {
		RemittanceId remittanceId = new RemittanceId(id);
		RemittanceView remittance = remittances.find(remittanceId);
		List<InvoiceView> items = remittances.itemsOf(remittanceId);
		Set<DebtorId> debtorIds = items.stream().map(InvoiceView::debtorId).collect(Collectors.toSet());
		Map<DebtorId, DebtorView> debtorViews = debtors.findAll(debtorIds);
		model.addAttribute("remittance", remittance);
		model.addAttribute("company", companies.find(remittance.companyId()));
		model.addAttribute("items", items);
		model.addAttribute("debtors", debtorViews);
		model.addAttribute("remittanceDebtors",
				debtorViews.values().stream().sorted((a, b) -> a.legalName().compareTo(b.legalName())).toList());
		model.addAttribute("approvedTotal",
				items.stream()
					.filter(item -> item.decision() != null && item.decision().approved())
					.map(InvoiceView::signedAmount)
					.reduce(Money.zero(Money.EUR), Money::plus));
		return "remittances/show";
	}

	@GetMapping("/remittances/{id}/quittance.pdf")
	ResponseEntity<byte[]> quittance(@PathVariable UUID id) {
		RemittanceView remittance = remittances.find(new RemittanceId(id));
		return pdf(documents.subrogationReceipt(remittance.id()), "quittance-" + remittance.number() + ".pdf");
	}

	static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(content);
	}

}
