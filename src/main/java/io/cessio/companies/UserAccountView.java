package io.cessio.companies;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.cessio.platform.security.Role;

/** A user account as the administration pages show it (never the password hash). */
public record UserAccountView(UserAccountId id, String username, String displayName, String email, Role role,
		@Nullable CompanyId companyId, @Nullable String companyName, boolean active, boolean locked,
		@Nullable Instant lockedUntil, int failedLoginCount, Instant createdAt) {
}
