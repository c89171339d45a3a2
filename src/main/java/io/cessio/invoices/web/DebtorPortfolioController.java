package io.cessio.invoices.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.RemittanceDocuments;
import io.cessio.shared.Money;

/**
 * A company's debtors with what the factor holds on each (outstanding, approval
 * headroom), and each debtor's notification letter.
 */
@Controller
class DebtorPortfolioController {

	private final DebtorManagement debtors;

	private final InvoiceManagement invoices;

	private final CompanyManagement companies;

	private final RemittanceDocuments documents;

	DebtorPortfolioController(DebtorManagement debtors, InvoiceManagement invoices, CompanyManagement companies,
			RemittanceDocuments documents) {
		this.debtors = debtors;
		this.invoices = invoices;
		this.companies = companies;
		this.documents = documents;
	}

	@GetMapping("/companies/{id}/debtors")
	String list(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		List<DebtorView> list = debtors.listOf(companyId);
		Map<DebtorId, Money> outstanding = invoices.outstandingByDebtor(companyId);
		model.addAttribute("rows", list.stream().map(debtor -> {
			Money held = outstanding.getOrDefault(debtor.id(), Money.zero(Money.EUR));
			Money headroom = debtor.approval() == null ? null : debtor.approval().limit().minus(held);
			return new Row(debtor, held, headroom);
		}).toList());
		return "debtors/list";
	}

	@GetMapping("/debtors/{id}/notification-letter.pdf")
	ResponseEntity<byte[]> notificationLetter(@PathVariable UUID id) {
		DebtorId debtor = new DebtorId(id);
		byte[] pdf = documents.notificationLetter(debtor);
		return RemittanceController.pdf(pdf, "notification-" + debtors.find(debtor).details().siren().value() + ".pdf");
	}

	/** One line of the list. */
	public record Row(DebtorView debtor, Money outstanding, Money headroom) {
	}

}
