package io.cessio.platform.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting in the current request, and which companies' data they may see. Company
 * scoping is answered here once so that every module asks the same question the same way.
 */
@Component
public class CurrentUser {

	public Optional<CessioUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CessioUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * The name recorded in the audit trail: the username, or {@code system} outside a
	 * request.
	 */
	public String actorName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return "system";
		}
		return authentication instanceof AnonymousAuthenticationToken ? "anonymous" : authentication.getName();
	}

	/**
	 * True when the current user may see data of the given company: factor staff see
	 * every company, a company user only their own. Callers answer "not found" when this
	 * is false, so that another company's ids reveal nothing.
	 */
	public boolean canSeeCompany(UUID companyId) {
		return get().map(user -> user.role().isFactorStaff() || user.companyId().orElseThrow().equals(companyId))
			.orElse(false);
	}

}
