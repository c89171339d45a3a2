package io.cessio.payments.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.banking.StatementRejected;
import io.cessio.payments.ImportOutcome;
import io.cessio.payments.ImportSource;
import io.cessio.payments.Statements;
import io.cessio.payments.SuspenseItem;
import io.cessio.payments.SuspenseQueue;
import io.cessio.shared.Money;

/**
 * Operations' statements page (upload, imports with their auto-match rates, suspense
 * ageing) and the suspense work queue of every company.
 */
@Controller
class StatementController {

	private final Statements statements;

	private final SuspenseQueue suspense;

	private static final java.time.format.DateTimeFormatter IMPORTED_AT = java.time.format.DateTimeFormatter
		.ofPattern("dd/MM/yyyy HH:mm");

	private final MessageSource messages;

	private final java.time.Clock clock;

	StatementController(Statements statements, SuspenseQueue suspense, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.statements = statements;
		this.suspense = suspense;
		this.messages = messages;
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@GetMapping("/ops/statements")
	String list(Model model) {
		model.addAttribute("imports", statements.recentImports());
		model.addAttribute("ageing", ageing(suspense.all()));
		return "payments/statements";
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@PostMapping("/ops/statements")
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorMessage", "statements.error.noFile");
			return "redirect:/ops/statements";
		}
		String name = file.getOriginalFilename() == null ? "statement" : file.getOriginalFilename();
		try {
			ImportOutcome outcome = statements.importFile(name, file.getBytes(), ImportSource.UPLOAD);
			if (outcome.imported().alreadyImported()) {
				redirect.addFlashAttribute("errorDetail", message("statements.flash.alreadyImported", name,
						IMPORTED_AT.withZone(clock.getZone()).format(outcome.imported().importedAt())));
			}
			else {
				redirect.addFlashAttribute("successDetail",
						message("statements.flash.imported", name, outcome.imported().newEntries(),
								outcome.imported().receipts(), outcome.matched().matched(), outcome.matched().partial(),
								outcome.matched().unmatched()));
			}
		}
		catch (StatementRejected rejected) {
			redirect.addFlashAttribute("errorDetail", message(rejected.messageKey(), rejected.messageArguments()) + " "
					+ message("statements.rejected.nothingImported"));
		}
		return "redirect:/ops/statements";
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@GetMapping("/ops/suspense")
	String suspense(Model model) {
		List<SuspenseItem> items = suspense.all();
		model.addAttribute("items", items);
		model.addAttribute("ageing", ageing(items));
		model.addAttribute("allCompanies", true);
		return "payments/suspense";
	}

	/** Count and amount in suspense per ageing bucket, in bucket order. */
	static Map<String, AgeingLine> ageing(List<SuspenseItem> items) {
		Map<String, AgeingLine> lines = new TreeMap<>(
				java.util.Comparator.comparing(List.of("0-2", "3-5", "6-10", "10+")::indexOf));
		for (String bucket : List.of("0-2", "3-5", "6-10", "10+")) {
			lines.put(bucket, new AgeingLine(0, Money.zero(Money.EUR)));
		}
		items.stream()
			.collect(Collectors.groupingBy(SuspenseItem::ageBucket))
			.forEach((bucket, inBucket) -> lines.put(bucket, new AgeingLine(inBucket.size(),
					inBucket.stream().map(SuspenseItem::unallocated).reduce(Money.zero(Money.EUR), Money::plus))));
		return lines;
	}

	record AgeingLine(int count, Money amount) {
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
