package io.cessio.companies;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.platform.security.AccountStatus;

/**
 * Where the security layer finds accounts: for signing in, and for re-checking open
 * sessions.
 */
@Component
@Transactional(readOnly = true)
class AccountDirectory implements UserDetailsService, AccountStatus {

	private final UserAccountRepository accounts;

	private final Clock clock;

	AccountDirectory(UserAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username.strip())
			.map(account -> account.toPrincipal(clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Override
	public boolean allowsSessionStartedAt(String username, @Nullable Instant authenticatedAt) {
		return accounts.findByUsername(username)
			.map(account -> account.allowsSessionStartedAt(authenticatedAt))
			.orElse(false);
	}

	@Override
	public boolean isLockedOut(String username) {
		return accounts.findByUsername(username.strip())
			.map(account -> account.isLockedAt(clock.instant()))
			.orElse(false);
	}

}
