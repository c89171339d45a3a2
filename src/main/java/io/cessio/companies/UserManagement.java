package io.cessio.companies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.platform.security.CurrentUser;
import io.cessio.platform.security.Role;

/**
 * Creates and administers the accounts people sign in with. Deactivating an account, or
 * changing its password, ends the sessions it has open on every instance.
 */
@Service
@Transactional
public class UserManagement {

	static final String ENTITY = "USER";

	static final int MIN_PASSWORD_LENGTH = 12;

	private final UserAccountRepository accounts;

	private final CompanyRepository companies;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final Clock clock;

	UserManagement(UserAccountRepository accounts, CompanyRepository companies, PasswordEncoder passwordEncoder,
			AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
		this.accounts = accounts;
		this.companies = companies;
		this.passwordEncoder = passwordEncoder;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserAccountId create(NewUser user) {
		return createAs(user);
	}

	/**
	 * Account creation without a signed-in user, for start-up seeding; recorded as
	 * {@code system}.
	 */
	UserAccountId createAs(NewUser user) {
		String username = user.username().strip();
		if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
			throw new UserRuleViolated("users.error.username", "A username has 3 to 100 letters, digits or . _ @ -");
		}
		if (accounts.existsByUsername(username)) {
			throw new UserRuleViolated("users.error.usernameTaken", "Username " + username + " is taken");
		}
		if (user.companyId() != null && !companies.existsById(user.companyId())) {
			throw new CompanyNotFound(user.companyId());
		}
		requireStrong(user.initialPassword(), username);
		UserAccount account = new UserAccount(UserAccountId.newId(), username, user.displayName().strip(),
				user.email().strip(), passwordEncoder.encode(user.initialPassword()), user.role(), user.companyId(),
				clock.instant());
		accounts.save(account);
		auditTrail.record("USER_CREATED", ENTITY, account.id().toString(), account.username() + " as " + user.role()
				+ (user.companyId() == null ? "" : " of company " + user.companyId()));
		return account.id();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void deactivate(UserAccountId id) {
		UserAccount account = load(id);
		if (!account.isActive()) {
			return;
		}
		if (currentUser.get().map(me -> me.accountId().equals(id.value())).orElse(false)) {
			throw new UserRuleViolated("users.error.deactivateSelf", "You cannot deactivate your own account");
		}
		if (account.role() == Role.ADMIN && accounts.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
			throw new UserRuleViolated("users.error.lastAdmin", "The last active administrator cannot be deactivated");
		}
		account.deactivate(clock.instant());
		accounts.save(account);
		auditTrail.record("USER_DEACTIVATED", ENTITY, id.toString(), account.username() + " (sessions ended)");
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void reactivate(UserAccountId id) {
		UserAccount account = load(id);
		if (account.isActive()) {
			return;
		}
		account.reactivate();
		accounts.save(account);
		auditTrail.record("USER_REACTIVATED", ENTITY, id.toString(), account.username());
	}

	/** Lifts a lock-out after failed sign-ins before it expires by itself. */
	@PreAuthorize("hasRole('ADMIN')")
	public void unlock(UserAccountId id) {
		UserAccount account = load(id);
		account.unlock();
		accounts.save(account);
		auditTrail.record("USER_UNLOCKED", ENTITY, id.toString(), account.username());
	}

	/**
	 * Sets a new password chosen by an administrator (e.g. a forgotten one); open
	 * sessions end.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void resetPassword(UserAccountId id, String newPassword) {
		UserAccount account = load(id);
		requireStrong(newPassword, account.username());
		account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		account.unlock();
		accounts.save(account);
		auditTrail.record("USER_PASSWORD_RESET", ENTITY, id.toString(), account.username());
	}

	/**
	 * The signed-in person changes their own password; their other sessions end, and the
	 * current one must sign in again.
	 */
	@PreAuthorize("isAuthenticated()")
	public void changeOwnPassword(String currentPassword, String newPassword) {
		UserAccountId id = new UserAccountId(currentUser.get().orElseThrow().accountId());
		UserAccount account = load(id);
		if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw new UserRuleViolated("account.password.error.current", "The current password is wrong");
		}
		requireStrong(newPassword, account.username());
		account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		accounts.save(account);
		auditTrail.record("PASSWORD_CHANGED", ENTITY, id.toString(), account.username());
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<UserAccountView> list() {
		Map<CompanyId, String> names = companies.findAll()
			.stream()
			.collect(Collectors.toMap(Company::id, company -> company.details().legalName()));
		Instant now = clock.instant();
		return accounts.findAllOrdered()
			.stream()
			.map(account -> account.toView(now, account.companyId() == null ? null : names.get(account.companyId())))
			.toList();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public UserAccountView find(UserAccountId id) {
		UserAccount account = load(id);
		String companyName = account.companyId() == null ? null
				: companies.findById(account.companyId()).map(c -> c.details().legalName()).orElse(null);
		return account.toView(clock.instant(), companyName);
	}

	/** The users of one company; visible to that company's users and to factor staff. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<UserAccountView> usersOf(CompanyId companyId) {
		if (!currentUser.canSeeCompany(companyId.value())) {
			throw new CompanyNotFound(companyId);
		}
		String name = companies.findById(companyId)
			.map(c -> c.details().legalName())
			.orElseThrow(() -> new CompanyNotFound(companyId));
		Instant now = clock.instant();
		return accounts.findByCompany(companyId.value()).stream().map(account -> account.toView(now, name)).toList();
	}

	@Transactional(readOnly = true)
	boolean anyActive(Role role) {
		return accounts.countByRoleAndActiveTrue(role) > 0;
	}

	@Transactional(readOnly = true)
	boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	private UserAccount load(UserAccountId id) {
		return accounts.findById(id).orElseThrow(() -> new UserNotFound(id));
	}

	private static void requireStrong(String password, String username) {
		if (password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
			throw new UserRuleViolated("users.error.passwordLength",
					"A password has " + MIN_PASSWORD_LENGTH + " to 128 characters");
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			throw new UserRuleViolated("users.error.passwordHasUsername", "A password must not contain the username");
		}
	}

}
