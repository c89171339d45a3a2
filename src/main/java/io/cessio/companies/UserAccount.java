package io.cessio.companies;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.cessio.platform.security.CessioUser;
import io.cessio.platform.security.Role;

/**
 * A person who signs in. Company users belong to exactly one company; factor staff to
 * none. Failed sign-ins are counted by {@link LoginAttempts} directly in the database.
 */
@Entity
@Table(name = "user_account")
class UserAccount {

	@EmbeddedId
	private UserAccountId id;

	@Version
	private Long version;

	private String username;

	private String displayName;

	private String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private @Nullable UUID companyId;

	private boolean active;

	private int failedLoginCount;

	private @Nullable Instant lockedUntil;

	private Instant sessionsValidFrom;

	private Instant createdAt;

	protected UserAccount() {
	}

	UserAccount(UserAccountId id, String username, String displayName, String email, String passwordHash, Role role,
			@Nullable CompanyId companyId, Instant createdAt) {
		if ((role == Role.COMPANY_USER) != (companyId != null)) {
			throw new IllegalArgumentException("A company user needs a company; factor staff have none");
		}
		this.id = id;
		this.username = username.toLowerCase(Locale.ROOT);
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.companyId = companyId == null ? null : companyId.value();
		this.active = true;
		this.createdAt = createdAt;
		this.sessionsValidFrom = createdAt;
	}

	/** Stops the account from signing in and ends its open sessions. */
	void deactivate(Instant at) {
		this.active = false;
		this.sessionsValidFrom = at;
	}

	void reactivate() {
		this.active = true;
		this.failedLoginCount = 0;
		this.lockedUntil = null;
	}

	void unlock() {
		this.failedLoginCount = 0;
		this.lockedUntil = null;
	}

	/** A new password ends every session opened with the old one. */
	void changePassword(String newHash, Instant at) {
		this.passwordHash = newHash;
		this.sessionsValidFrom = at;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean allowsSessionStartedAt(@Nullable Instant authenticatedAt) {
		return active && (authenticatedAt == null || !authenticatedAt.isBefore(sessionsValidFrom));
	}

	UserAccountId id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	boolean isActive() {
		return active;
	}

	CessioUser toPrincipal(Instant now) {
		return new CessioUser(id.value(), username, passwordHash, displayName, role, companyId, active,
				isLockedAt(now));
	}

	UserAccountView toView(Instant now, @Nullable String companyName) {
		return new UserAccountView(id, username, displayName, email, role,
				companyId == null ? null : new CompanyId(companyId), companyName, active, isLockedAt(now), lockedUntil,
				failedLoginCount, createdAt);
	}

	@Nullable CompanyId companyId() {
		return companyId == null ? null : new CompanyId(companyId);
	}

}
