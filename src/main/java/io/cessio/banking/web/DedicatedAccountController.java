package io.cessio.banking.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.OutgoingTransfer;
import io.cessio.banking.WithdrawalRefused;
import io.cessio.companies.CompanyId;
import io.cessio.ledger.StatementLine;
import io.cessio.platform.web.MoneyFormat;
import io.cessio.shared.Money;
import io.cessio.shared.ValidAmount;

/**
 * A company's dedicated account: balance by portion, movements, CSV export, withdrawals.
 */
@Controller
class DedicatedAccountController {

	static final int PAGE_SIZE = 25;

	/** More lines than any real export; the CSV is streamed. */
	static final int EXPORT_LIMIT = 1_000_000;

	private final DedicatedAccounts accounts;

	DedicatedAccountController(DedicatedAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/companies/{id}/dedicated-account")
	String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("account", accounts.of(companyId));
		model.addAttribute("balance", accounts.balance(companyId));
		model.addAttribute("movements", accounts.movements(companyId, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "banking/account";
	}

	@GetMapping("/companies/{id}/dedicated-account/movements.csv")
	void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		CompanyId companyId = new CompanyId(id);
		var account = accounts.of(companyId);
		var movements = accounts.movements(companyId, PageRequest.of(0, EXPORT_LIMIT));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"compte-dedie-" + account.iban().value() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write("Date de valeur;Enregistré le;Type;Référence;Libellé;Montant;Solde\r\n");
		for (StatementLine line : movements) {
			out.write(String.join(";", Csv.cell(Csv.DATE.format(line.effectiveDate())),
					Csv.cell(Csv.DATE_TIME.format(line.recordedAt())), Csv.cell(line.sourceType()),
					Csv.cell(line.sourceRef()), Csv.cell(line.description()), Csv.amount(line.amount()),
					Csv.amount(line.runningBalance())));
			out.write("\r\n");
		}
		out.flush();
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@GetMapping("/companies/{id}/dedicated-account/withdrawal")
	String withdrawalForm(@PathVariable UUID id, Model model) {
		WithdrawalForm form = new WithdrawalForm();
		form.setToken(UUID.randomUUID().toString());
		return withdrawalView(new CompanyId(id), form, model);
	}

	@PreAuthorize("hasRole('COMPANY_USER')")
	@PostMapping("/companies/{id}/dedicated-account/withdrawal")
	String withdraw(@PathVariable UUID id, @Valid @ModelAttribute("form") WithdrawalForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CompanyId companyId = new CompanyId(id);
		if (result.hasErrors()) {
			return withdrawalView(companyId, form, model);
		}
		try {
			OutgoingTransfer transfer = accounts.withdraw(companyId, Money.eur(form.getAmount()), form.getToken());
			redirect.addFlashAttribute("successMessage", "banking.flash.withdrawn");
			redirect.addFlashAttribute("transfer", transfer);
			return "redirect:/companies/" + id + "/dedicated-account";
		}
		catch (WithdrawalRefused refused) {
			result.rejectValue("amount", "banking.error.insufficient",
					new Object[] { MoneyFormat.format(refused.available(), java.util.Locale.FRANCE) },
					refused.getMessage());
			return withdrawalView(companyId, form, model);
		}
	}

	private String withdrawalView(CompanyId companyId, WithdrawalForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("account", accounts.of(companyId));
		model.addAttribute("balance", accounts.balance(companyId));
		return "banking/withdrawal";
	}

	/** The amount to withdraw and the form's one-time token. */
	public static class WithdrawalForm {

		@NotNull
		@ValidAmount(positive = true)
		private BigDecimal amount;

		@NotBlank
		@Pattern(regexp = "[0-9a-f-]{36}")
		private String token;

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public String getToken() {
			return token;
		}

		public void setToken(String token) {
			this.token = token;
		}

	}

}
