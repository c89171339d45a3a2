package io.cessio.approval.web;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.approval.ApprovalDesk;
import io.cessio.approval.EligibilityCheck;
import io.cessio.invoices.DecisionRefused;
import io.cessio.invoices.FourEyesRequired;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceView;
import io.cessio.invoices.RemittanceId;
import io.cessio.invoices.RemittanceStatus;
import io.cessio.invoices.ReviewIncomplete;

/**
 * The analysts' pages: the queue, a remittance's review with each item's checks, and the
 * decisions. Business refusals come back as a message on the review page.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class ReviewController {

	private final ApprovalDesk desk;

	private final InvoiceManagement invoices;

	private final MessageSource messages;

	ReviewController(ApprovalDesk desk, InvoiceManagement invoices, MessageSource messages) {
		this.desk = desk;
		this.invoices = invoices;
		this.messages = messages;
	}

	@GetMapping("/reviews")
	String queue(Model model) {
		model.addAttribute("queue", desk.queue());
		return "approval/queue";
	}

	@GetMapping("/reviews/{id}")
	String review(@PathVariable UUID id, Model model) {
		model.addAttribute("sheet", desk.review(new RemittanceId(id)));
		model.addAttribute("reasonCodes", EligibilityCheck.values());
		model.addAttribute("fmt", new FindingArguments(LocaleContextHolder.getLocale()));
		return "approval/review";
	}

	@PostMapping("/review-items/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String justification,
			RedirectAttributes redirect) {
		InvoiceView item = item(id);
		return decide(item, redirect, () -> desk.approve(item.id(), justification), "approval.flash.approved");
	}

	@PostMapping("/review-items/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String reasonCode,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		InvoiceView item = item(id);
		return decide(item, redirect, () -> desk.reject(item.id(), reasonCode, reason == null ? "" : reason),
				"approval.flash.rejected");
	}

	@PostMapping("/reviews/{id}/approve-eligible")
	String approveEligible(@PathVariable UUID id, RedirectAttributes redirect) {
		RemittanceId remittance = new RemittanceId(id);
		return act(remittance, redirect, () -> {
			int approved = desk.approveAllEligible(remittance);
			redirect.addFlashAttribute("successDetail", message("approval.flash.approvedEligible", approved));
		});
	}

	@PostMapping("/reviews/{id}/reject-all")
	String rejectAll(@PathVariable UUID id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		RemittanceId remittance = new RemittanceId(id);
		return act(remittance, redirect, () -> {
			int rejected = desk.rejectAllUndecided(remittance, reason == null ? "" : reason);
			redirect.addFlashAttribute("successDetail", message("approval.flash.rejectedAll", rejected));
		});
	}

	@PostMapping("/reviews/{id}/complete")
	String complete(@PathVariable UUID id, RedirectAttributes redirect) {
		RemittanceId remittance = new RemittanceId(id);
		return act(remittance, redirect, () -> {
			RemittanceStatus status = desk.complete(remittance);
			redirect.addFlashAttribute("successMessage", "approval.flash.completed." + status);
		});
	}

	@PostMapping("/reviews/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
		RemittanceId remittance = new RemittanceId(id);
		return act(remittance, redirect, () -> {
			RemittanceStatus status = desk.confirm(remittance);
			redirect.addFlashAttribute("successMessage", "approval.flash.completed." + status);
		});
	}

	@PostMapping("/reviews/{id}/send-back")
	String sendBack(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		RemittanceId remittance = new RemittanceId(id);
		return act(remittance, redirect, () -> {
			desk.sendBack(remittance, reason == null ? "" : reason);
			redirect.addFlashAttribute("successMessage", "approval.flash.sentBack");
		});
	}

	private InvoiceView item(UUID id) {
		InvoiceView item = invoices.find(new InvoiceId(id));
		if (item.remittanceId() == null) {
			throw new io.cessio.invoices.InvoiceNotFound("invoice under review " + id);
		}
		return item;
	}

	private String decide(InvoiceView item, RedirectAttributes redirect, Runnable decision, String success) {
		return act(item.remittanceId(), redirect, () -> {
			decision.run();
			redirect.addFlashAttribute("successDetail", message(success, item.number()));
		});
	}

	private String act(RemittanceId remittance, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (FourEyesRequired fourEyes) {
			redirect.addFlashAttribute("errorMessage", "approval.error.fourEyes");
		}
		catch (ReviewIncomplete incomplete) {
			redirect.addFlashAttribute("errorDetail",
					message("approval.error.incomplete", String.join(", ", incomplete.undecided())));
		}
		catch (DecisionRefused refused) {
			redirect.addFlashAttribute("errorMessage", refused.messageKey());
		}
		catch (IllegalStateException notUnderReview) {
			redirect.addFlashAttribute("errorMessage", "approval.error.notUnderReview");
		}
		return "redirect:/reviews/" + remittance;
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
