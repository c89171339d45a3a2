package io.cessio.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.funding.FundingManagement;
import io.cessio.funding.JobRuns;
import io.cessio.funding.PayoutRunner;
import io.cessio.funding.ReferenceRates;
import io.cessio.shared.Rate;

/**
 * Operations' funding board (payouts pending, late, executed; job runs; run now) and the
 * administrators' reference rate table.
 */
@Controller
class FundingOperationsController {

	private final FundingManagement funding;

	private final PayoutRunner runner;

	private final JobRuns jobRuns;

	private final ReferenceRates rates;

	FundingOperationsController(FundingManagement funding, PayoutRunner runner, JobRuns jobRuns, ReferenceRates rates) {
		this.funding = funding;
		this.runner = runner;
		this.jobRuns = jobRuns;
		this.rates = rates;
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@GetMapping("/ops/payouts")
	String board(Model model) {
		model.addAttribute("board", funding.board());
		model.addAttribute("runs", jobRuns.latest(30));
		return "funding/board";
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@PostMapping("/ops/payouts/run")
	String runNow(RedirectAttributes redirect) {
		int executed = runner.runDuePayouts();
		redirect.addFlashAttribute("successMessage", executed == 0 ? "funding.flash.nothingDue" : "funding.flash.ran");
		return "redirect:/ops/payouts";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/admin/reference-rates")
	String rates(Model model) {
		model.addAttribute("rates", rates.list());
		return "funding/rates";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/admin/reference-rates")
	String setRate(@RequestParam(required = false) LocalDate effectiveFrom,
			@RequestParam(required = false) BigDecimal ratePercent, RedirectAttributes redirect) {
		if (effectiveFrom == null || ratePercent == null || ratePercent.scale() > 4
				|| ratePercent.abs().compareTo(BigDecimal.TEN) >= 0) {
			redirect.addFlashAttribute("errorMessage", "funding.error.rate");
			return "redirect:/admin/reference-rates";
		}
		rates.set(effectiveFrom, Rate.ofPercent(ratePercent));
		redirect.addFlashAttribute("successMessage", "funding.flash.rateSet");
		return "redirect:/admin/reference-rates";
	}

}
