package io.cessio.platform.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the security layer holds them in the session. A company user
 * carries the id of their one company; factor staff carry none.
 */
public final class CessioUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final String username;

	private @Nullable String passwordHash;

	private final String displayName;

	private final Role role;

	private final @Nullable UUID companyId;

	private final boolean active;

	private final boolean locked;

	public CessioUser(UUID accountId, String username, String passwordHash, String displayName, Role role,
			@Nullable UUID companyId, boolean active, boolean locked) {
		if ((role == Role.COMPANY_USER) != (companyId != null)) {
			throw new IllegalArgumentException("A company user has exactly one company; factor staff have none");
		}
		this.accountId = Objects.requireNonNull(accountId);
		this.username = Objects.requireNonNull(username);
		this.passwordHash = passwordHash;
		this.displayName = Objects.requireNonNull(displayName);
		this.role = Objects.requireNonNull(role);
		this.companyId = companyId;
		this.active = active;
		this.locked = locked;
	}

	public UUID accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	/** The company a company user belongs to; empty for factor staff. */
	public Optional<UUID> companyId() {
		return Optional.ofNullable(companyId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CessioUser user && user.accountId.equals(accountId);
	}

	@Override
	public int hashCode() {
		return accountId.hashCode();
	}

	@Override
	public String toString() {
		return "CessioUser[" + username + ", " + role + "]";
	}

}
