package io.cessio.companies.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.cessio.companies.UserManagement;
import io.cessio.companies.UserRuleViolated;

/** Every signed-in person can change their own password; they then sign in again. */
@Controller
class AccountController {

	private final UserManagement users;

	AccountController(UserManagement users) {
		this.users = users;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new ChangePasswordForm());
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult result,
			HttpServletRequest request) {
		if (!result.hasErrors() && !form.getNewPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "account.password.error.confirmation");
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		try {
			users.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
		}
		catch (UserRuleViolated ex) {
			result.reject(ex.messageKey(), ex.getMessage());
			return "account/password";
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login?passwordChanged";
	}

	/** Current password, new one, and the new one again. */
	public static class ChangePasswordForm {

		@NotBlank
		private String currentPassword;

		@NotBlank
		@Size(min = 12, max = 128)
		private String newPassword;

		@NotBlank
		private String confirmation;

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String value) {
			this.currentPassword = value;
		}

		public String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(String value) {
			this.newPassword = value;
		}

		public String getConfirmation() {
			return confirmation;
		}

		public void setConfirmation(String value) {
			this.confirmation = value;
		}

	}

}
