package io.cessio.companies.web;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cessio.companies.CompanyId;
import io.cessio.companies.NewUser;
import io.cessio.platform.security.Role;

/** The new-account form; a company is required for, and only for, company users. */
public class UserForm {

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9._@-]{3,100}")
	private String username;

	@NotBlank
	@Size(max = 200)
	private String displayName;

	@NotBlank
	@Email
	@Size(max = 254)
	private String email;

	@NotNull
	private Role role;

	private UUID companyId;

	@NotBlank
	@Size(min = 12, max = 128)
	private String initialPassword;

	public NewUser toNewUser() {
		return new NewUser(username, displayName, email, role,
				role == Role.COMPANY_USER && companyId != null ? new CompanyId(companyId) : null, initialPassword);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public UUID getCompanyId() {
		return companyId;
	}

	public void setCompanyId(UUID companyId) {
		this.companyId = companyId;
	}

	public String getInitialPassword() {
		return initialPassword;
	}

	public void setInitialPassword(String initialPassword) {
		this.initialPassword = initialPassword;
	}

}
