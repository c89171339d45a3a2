package io.cessio.banking.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.banking.DedicatedAccountId;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.IncomingTransfer;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.ValidAmount;
import io.cessio.shared.ValidIban;

/**
 * Operations record receipts by hand (until statement import) and follow outgoing
 * transfers.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
class BankOperationsController {

	private final DedicatedAccounts accounts;

	private final Clock clock;

	BankOperationsController(DedicatedAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/ops/incoming-transfers")
	String incoming(Model model) {
		IncomingTransferForm form = new IncomingTransferForm();
		form.setValueDate(LocalDate.now(clock));
		return incomingView(form, model);
	}

	@PostMapping("/ops/incoming-transfers")
	String record(@Valid @ModelAttribute("form") IncomingTransferForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return incomingView(form, model);
		}
		accounts.recordIncomingTransfer(new IncomingTransfer(new DedicatedAccountId(form.getAccountId()),
				Money.eur(form.getAmount()), form.getValueDate(), form.getPayerName(), Iban.of(form.getPayerIban()),
				form.getRemittanceInfo() == null ? "" : form.getRemittanceInfo()));
		redirect.addFlashAttribute("successMessage", "banking.flash.incomingRecorded");
		return "redirect:/ops/incoming-transfers";
	}

	@GetMapping("/ops/transfers")
	String outgoing(Model model) {
		model.addAttribute("transfers", accounts.recentOutgoingTransfers());
		return "banking/transfers";
	}

	@GetMapping("/ops/transfers/{id}/pain001")
	ResponseEntity<byte[]> pain001(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pain001-" + id + ".xml").build().toString())
			.body(accounts.pain001(id).getBytes(StandardCharsets.UTF_8));
	}

	private String incomingView(IncomingTransferForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("accounts", accounts.list());
		model.addAttribute("received", accounts.recentIncomingTransfers());
		return "banking/incoming";
	}

	/** A receipt as read from the bank's advice. */
	public static class IncomingTransferForm {

		@NotNull
		private UUID accountId;

		@NotNull
		@ValidAmount(positive = true)
		private BigDecimal amount;

		@NotNull
		private LocalDate valueDate;

		@NotBlank
		@Size(max = 140)
		private String payerName;

		@NotBlank
		@ValidIban
		private String payerIban;

		@Size(max = 140)
		private String remittanceInfo;

		public UUID getAccountId() {
			return accountId;
		}

		public void setAccountId(UUID accountId) {
			this.accountId = accountId;
		}

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public LocalDate getValueDate() {
			return valueDate;
		}

		public void setValueDate(LocalDate valueDate) {
			this.valueDate = valueDate;
		}

		public String getPayerName() {
			return payerName;
		}

		public void setPayerName(String payerName) {
			this.payerName = payerName;
		}

		public String getPayerIban() {
			return payerIban;
		}

		public void setPayerIban(String payerIban) {
			this.payerIban = payerIban;
		}

		public String getRemittanceInfo() {
			return remittanceInfo;
		}

		public void setRemittanceInfo(String remittanceInfo) {
			this.remittanceInfo = remittanceInfo;
		}

	}

}
