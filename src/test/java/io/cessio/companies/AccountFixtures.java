package io.cessio.companies;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.platform.security.Role;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * Creates companies and accounts for tests with unique names and identifiers, so that
 * tests never depend on each other's data. Passwords are {@link #PASSWORD}.
 */
@Component
public class AccountFixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private final CompanyManagement companies;

	private final UserManagement users;

	private final TransactionTemplate transaction;

	private final FactorManagement factor;

	AccountFixtures(CompanyManagement companies, UserManagement users, TransactionTemplate transaction,
			FactorManagement factor) {
		this.companies = companies;
		this.users = users;
		this.transaction = transaction;
		this.factor = factor;
	}

	/** The factor's identity, which documents print; entered once if missing. */
	public void ensureFactor() {
		transaction.executeWithoutResult(status -> {
			if (factor.details().isEmpty()) {
				factor.saveAs(new FactorDetails("Cessio Factor SA", Siren.of("812345676"),
						Iban.of("FR7630004000010001234560167"), new io.cessio.shared.Bic("BNPAFRPPXXX"),
						new PostalAddress("16 rue de la Banque", "75002", "Paris", "FR")), -1);
			}
		});
	}

	public CompanyId aCompany() {
		return aCompany(ContractTerms.standard());
	}

	public CompanyId aCompany(ContractTerms terms) {
		String suffix = suffix();
		return transaction
			.execute(status -> companies.onboardAs(new CompanyDetails("SOCIETE " + suffix.toUpperCase(), randomSiren(),
					new PostalAddress("1 rue du Test", "75001", "Paris", "FR"), Iban.of("FR7630003012340005001234509")),
					terms));
	}

	/** A new account of the role; a company user gets a new company of their own. */
	public String aUser(Role role) {
		return aUser(role, role == Role.COMPANY_USER ? aCompany() : null);
	}

	public String aUser(Role role, CompanyId companyId) {
		String username = role.name().toLowerCase() + "-" + suffix();
		transaction.executeWithoutResult(status -> users
			.createAs(new NewUser(username, "Test " + username, username + "@example.com", role, companyId, PASSWORD)));
		return username;
	}

	public static Siren randomSiren() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			String digits = String.format("%08d", random.nextInt(100_000_000));
			for (int check = 0; check < 10; check++) {
				if (Siren.isValid(digits + check)) {
					return Siren.of(digits + check);
				}
			}
		}
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
