package io.cessio.sweep.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.sweep.SweepLineView;
import io.cessio.sweep.SweepManagement;
import io.cessio.sweep.SweepRunView;

/**
 * Operations' sweep board: the runs with their totals, "run now", each run's lines per
 * dedicated account, and each line's invoices.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
class SweepController {

	private final SweepManagement sweeps;

	SweepController(SweepManagement sweeps) {
		this.sweeps = sweeps;
	}

	@GetMapping("/ops/sweeps")
	String runs(Model model) {
		model.addAttribute("runs", sweeps.recentRuns());
		return "sweep/runs";
	}

	@PostMapping("/ops/sweeps/run")
	String runNow(RedirectAttributes redirect) {
		UUID run = sweeps.runNow();
		redirect.addFlashAttribute("successMessage", "sweep.flash.ran");
		return "redirect:/ops/sweeps/" + run;
	}

	@GetMapping("/ops/sweeps/{id}")
	String run(@PathVariable UUID id, Model model) {
		SweepRunView run = sweeps.findRun(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("run", run);
		model.addAttribute("lines", sweeps.linesOf(id));
		return "sweep/run";
	}

	@GetMapping("/ops/sweep-lines/{id}")
	String line(@PathVariable UUID id, Model model) {
		SweepLineView line = sweeps.findLine(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("line", line);
		model.addAttribute("invoices", sweeps.invoicesOf(id));
		return "sweep/line";
	}

}
