package io.cessio.companies.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyNotFound;
import io.cessio.companies.UserAccountId;
import io.cessio.companies.UserManagement;
import io.cessio.companies.UserRuleViolated;
import io.cessio.platform.security.Role;

/**
 * An administrator creates accounts, deactivates or reactivates them, unlocks them and
 * resets passwords.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private final UserManagement users;

	private final CompanyManagement companies;

	UserAdminController(UserManagement users, CompanyManagement companies) {
		this.users = users;
		this.companies = companies;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		return "users/list";
	}

	@GetMapping("/admin/users/new")
	String newForm(Model model) {
		model.addAttribute("form", new UserForm());
		return formView(model);
	}

	@PostMapping("/admin/users")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getRole() == Role.COMPANY_USER && form.getCompanyId() == null) {
			result.rejectValue("companyId", "users.error.companyRequired");
		}
		if (result.hasErrors()) {
			return formView(model);
		}
		try {
			users.create(form.toNewUser());
		}
		catch (UserRuleViolated ex) {
			result.reject(ex.messageKey(), ex.getMessage());
			return formView(model);
		}
		catch (CompanyNotFound ex) {
			result.rejectValue("companyId", "users.error.companyRequired");
			return formView(model);
		}
		redirect.addFlashAttribute("successMessage", "users.flash.created");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "users.flash.deactivated", () -> users.deactivate(new UserAccountId(id)));
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "users.flash.reactivated", () -> users.reactivate(new UserAccountId(id)));
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "users.flash.unlocked", () -> users.unlock(new UserAccountId(id)));
	}

	@GetMapping("/admin/users/{id}/password")
	String passwordForm(@PathVariable UUID id, Model model) {
		model.addAttribute("user", users.find(new UserAccountId(id)));
		model.addAttribute("form", new PasswordResetForm());
		return "users/password";
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable UUID id, @Valid @ModelAttribute("form") PasswordResetForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UserAccountId accountId = new UserAccountId(id);
		if (!result.hasErrors()) {
			try {
				users.resetPassword(accountId, form.getNewPassword());
				redirect.addFlashAttribute("successMessage", "users.flash.passwordReset");
				return "redirect:/admin/users";
			}
			catch (UserRuleViolated ex) {
				result.reject(ex.messageKey(), ex.getMessage());
			}
		}
		model.addAttribute("user", users.find(accountId));
		return "users/password";
	}

	private String formView(Model model) {
		model.addAttribute("companies", companies.list());
		model.addAttribute("roles", Role.values());
		return "users/form";
	}

	private static String act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("successMessage", success);
		}
		catch (UserRuleViolated ex) {
			redirect.addFlashAttribute("errorMessage", ex.messageKey());
		}
		return "redirect:/admin/users";
	}

	/** A new password set by an administrator. */
	public static class PasswordResetForm {

		@NotBlank
		@Size(min = 12, max = 128)
		private String newPassword;

		public String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

	}

}
