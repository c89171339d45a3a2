package io.cessio.invoices.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.debtors.DebtorManagement;
import io.cessio.invoices.DuplicateInvoice;
import io.cessio.invoices.EInvoiceReader;
import io.cessio.invoices.EInvoiceRefused;
import io.cessio.invoices.EInvoiceRejected;
import io.cessio.invoices.ImportRejected;
import io.cessio.invoices.ImportResult;
import io.cessio.invoices.InvalidInvoice;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceImports;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.UnknownBuyer;

/**
 * Uploads of invoice files: a CSV file (stored whole, or refused with its report line by
 * line) and e-invoices (Factur-X, CII, UBL).
 */
@Controller
class InvoiceImportController {

	private final InvoiceImports imports;

	private final InvoiceManagement invoices;

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	private final MessageSource messages;

	InvoiceImportController(InvoiceImports imports, InvoiceManagement invoices, DebtorManagement debtors,
			CompanyManagement companies, MessageSource messages) {
		this.imports = imports;
		this.invoices = invoices;
		this.debtors = debtors;
		this.companies = companies;
		this.messages = messages;
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/invoices/import")
	String importCsv(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		companies.find(companyId);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorMessage", "invoices.import.error.noFile");
			return "redirect:/companies/" + id + "/invoices";
		}
		try {
			ImportResult result = imports.importCsv(companyId, file, file.getOriginalFilename());
			redirect.addFlashAttribute("errorDetail", null);
			redirect.addFlashAttribute("successDetail", messages.getMessage("invoices.import.flash.imported",
					new Object[] { result.invoices(), result.creditNotes() }, LocaleContextHolder.getLocale()));
			return "redirect:/companies/" + id + "/invoices";
		}
		catch (ImportRejected rejected) {
			model.addAttribute("importErrors", rejected.errors());
			model.addAttribute("importErrorCount", rejected.errorCount());
			model.addAttribute("importFileName", file.getOriginalFilename());
			return InvoiceController.listView(companyId, model, companies, debtors, invoices);
		}
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/invoices/einvoice")
	String importEInvoice(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		CompanyId companyId = new CompanyId(id);
		companies.find(companyId);
		String back = "redirect:/companies/" + id + "/invoices";
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorMessage", "invoices.import.error.noFile");
			return back;
		}
		if (file.getSize() > EInvoiceReader.MAX_BYTES) {
			redirect.addFlashAttribute("errorMessage", "invoices.einvoice.too_large");
			return back;
		}
		try {
			InvoiceId invoice = imports.importEInvoice(companyId, file.getBytes());
			redirect.addFlashAttribute("successMessage", "invoices.flash.einvoiceImported");
			return "redirect:/invoices/" + invoice;
		}
		catch (EInvoiceRejected rejected) {
			redirect.addFlashAttribute("errorDetail", message(rejected.messageKey(), rejected.messageArguments()));
		}
		catch (EInvoiceRefused refused) {
			redirect.addFlashAttribute("errorDetail", message(refused.messageKey(), refused.messageArguments()));
		}
		catch (UnknownBuyer unknown) {
			redirect.addFlashAttribute("errorDetail", message("invoices.einvoice.unknownBuyer",
					new Object[] { unknown.invoice().buyerName(), unknown.invoice().buyerSiren() }));
			redirect.addFlashAttribute("unknownBuyerName", unknown.invoice().buyerName());
			redirect.addFlashAttribute("unknownBuyerSiren", unknown.invoice().buyerSiren());
		}
		catch (DuplicateInvoice duplicate) {
			redirect.addFlashAttribute("errorMessage", "invoices.error.duplicate");
		}
		catch (InvalidInvoice invalid) {
			redirect.addFlashAttribute("errorMessage", "invoices.error.invalid");
		}
		return back;
	}

	private String message(String key, Object[] arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
