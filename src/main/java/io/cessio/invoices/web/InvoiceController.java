package io.cessio.invoices.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.AttachmentRefused;
import io.cessio.invoices.Disputes;
import io.cessio.invoices.DuplicateInvoice;
import io.cessio.invoices.InvalidInvoice;
import io.cessio.invoices.InvoiceAttachments;
import io.cessio.invoices.InvoiceDraft.Problem;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceList;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceNotFound;
import io.cessio.invoices.InvoiceView;
import io.cessio.invoices.RemittanceDocuments;

/**
 * A company's invoices: the list (open ones to select for a remittance, the others with
 * their status), the form, an invoice's page with its subrogation mention, RF reference
 * and supporting documents.
 */
@Controller
class InvoiceController {

	private final InvoiceManagement invoices;

	private final InvoiceAttachments attachments;

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	private final RemittanceDocuments documents;

	private final Disputes disputes;

	InvoiceController(InvoiceManagement invoices, InvoiceAttachments attachments, DebtorManagement debtors,
			CompanyManagement companies, RemittanceDocuments documents, Disputes disputes) {
		this.disputes = disputes;
		this.invoices = invoices;
		this.attachments = attachments;
		this.debtors = debtors;
		this.companies = companies;
		this.documents = documents;
	}

	@GetMapping("/companies/{id}/invoices")
	String list(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		return listView(companyId, model, companies, debtors, invoices);
	}

	/** The list page, also shown again with an import's error report. */
	static String listView(CompanyId companyId, Model model, CompanyManagement companies, DebtorManagement debtors,
			InvoiceManagement invoices) {
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("debtorNames", debtorNames(debtors.listOf(companyId)));
		InvoiceList list = invoices.listOf(companyId);
		model.addAttribute("openInvoices", list.open());
		model.addAttribute("openCount", list.openCount());
		model.addAttribute("otherInvoices", list.remitted());
		return "invoices/list";
	}

	static Map<DebtorId, String> debtorNames(List<DebtorView> debtors) {
		return debtors.stream().collect(Collectors.toMap(DebtorView::id, DebtorView::legalName, (a, b) -> a));
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/companies/{id}/invoices/new")
	String newForm(@PathVariable UUID id, Model model) {
		return formView(new CompanyId(id), null, new InvoiceForm(), model);
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/invoices")
	String create(@PathVariable UUID id, @Valid @ModelAttribute("form") InvoiceForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		if (!result.hasErrors()) {
			try {
				InvoiceId invoice = invoices.create(companyId, form.toDraft());
				redirect.addFlashAttribute("successMessage", "invoices.flash.created");
				return "redirect:/invoices/" + invoice;
			}
			catch (RuntimeException refused) {
				reject(refused, result);
			}
		}
		return formView(companyId, null, form, model);
	}

	@GetMapping("/invoices/{id}")
	String show(@PathVariable UUID id, Model model) {
		InvoiceView invoice = invoices.find(new InvoiceId(id));
		model.addAttribute("invoice", invoice);
		model.addAttribute("company", companies.find(invoice.companyId()));
		model.addAttribute("debtor", debtors.find(invoice.debtorId()));
		model.addAttribute("attachments", attachments.listOf(invoice.id()));
		model.addAttribute("mention", documents.subrogationMention(invoice.companyId()));
		model.addAttribute("disputes", disputes.of(invoice.id()));
		return "invoices/show";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/invoices/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		InvoiceView invoice = invoices.find(new InvoiceId(id));
		return formView(invoice.companyId(), invoice, InvoiceForm.of(invoice), model);
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/invoices/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") InvoiceForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		InvoiceView invoice = invoices.find(new InvoiceId(id));
		if (!result.hasErrors()) {
			try {
				invoices.change(invoice.id(), form.getVersion(), form.toDraft());
				redirect.addFlashAttribute("successMessage", "invoices.flash.updated");
				return "redirect:/invoices/" + id;
			}
			catch (io.cessio.invoices.InvoiceLocked locked) {
				redirect.addFlashAttribute("errorMessage", "invoices.error.locked");
				return "redirect:/invoices/" + id;
			}
			catch (RuntimeException refused) {
				reject(refused, result);
			}
		}
		return formView(invoice.companyId(), invoice, form, model);
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/invoices/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		InvoiceView invoice = invoices.find(new InvoiceId(id));
		if (!invoice.status().isEditable()) {
			redirect.addFlashAttribute("errorMessage", "invoices.error.locked");
			return "redirect:/invoices/" + id;
		}
		invoices.delete(invoice.id());
		redirect.addFlashAttribute("successMessage", "invoices.flash.deleted");
		return "redirect:/companies/" + invoice.companyId() + "/invoices";
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/invoices/{id}/attachments")
	String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		InvoiceId invoice = new InvoiceId(id);
		invoices.find(invoice);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorMessage", "invoices.attachment.empty");
			return "redirect:/invoices/" + id;
		}
		if (file.getSize() > InvoiceAttachments.MAX_BYTES) {
			redirect.addFlashAttribute("errorMessage", "invoices.attachment.tooLarge");
			return "redirect:/invoices/" + id;
		}
		try {
			attachments.attach(invoice, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("successMessage", "invoices.flash.attached");
		}
		catch (AttachmentRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		return "redirect:/invoices/" + id;
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable UUID id) {
		InvoiceAttachments.Download download = attachments.download(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

	private String formView(CompanyId companyId, InvoiceView invoice, InvoiceForm form, Model model) {
		CompanyView company = companies.find(companyId);
		model.addAttribute("company", company);
		model.addAttribute("invoice", invoice);
		model.addAttribute("form", form);
		model.addAttribute("debtors", debtors.listOf(companyId));
		return "invoices/form";
	}

	private static void reject(RuntimeException refused, BindingResult result) {
		if (refused instanceof InvalidInvoice invalid) {
			for (Problem problem : invalid.problems()) {
				result.rejectValue(problem.field(), problem.messageKey());
			}
		}
		else if (refused instanceof DuplicateInvoice) {
			result.rejectValue("number", "invoices.error.duplicate");
		}
		else if (refused instanceof InvoiceNotFound) {
			result.rejectValue("debtorId", "invoices.error.debtor");
		}
		else if (refused instanceof IllegalArgumentException) {
			result.reject("invoices.error.invalid");
		}
		else {
			throw refused;
		}
	}

}
