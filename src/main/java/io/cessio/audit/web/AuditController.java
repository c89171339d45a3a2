package io.cessio.audit.web;

import java.time.LocalDate;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.cessio.audit.AuditTrail;
import io.cessio.audit.AuditTrail.AuditFilter;

/**
 * The audit trail for administrators, filtered and paged; htmx refreshes only the table.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail auditTrail;

	AuditController(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate to,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		AuditFilter filter = new AuditFilter(actor, action, entityType, entityId, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("events", auditTrail.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("actions", auditTrail.recordedActions());
		return htmx != null ? "audit/list :: results" : "audit/list";
	}

}
