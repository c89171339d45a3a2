package io.cessio.companies.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.UserManagement;

/**
 * Client companies as factor staff browse them, and a company's own page for its users.
 */
@Controller
class CompanyController {

	private final CompanyManagement companies;

	private final UserManagement users;

	CompanyController(CompanyManagement companies, UserManagement users) {
		this.companies = companies;
		this.users = users;
	}

	@GetMapping("/companies")
	String list(Model model) {
		model.addAttribute("companies", companies.list());
		return "companies/list";
	}

	@GetMapping("/companies/{id}")
	String show(@PathVariable UUID id, Model model) {
		CompanyId companyId = new CompanyId(id);
		model.addAttribute("company", companies.find(companyId));
		model.addAttribute("users", users.usersOf(companyId));
		return "companies/show";
	}

}
