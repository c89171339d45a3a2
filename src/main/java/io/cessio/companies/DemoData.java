package io.cessio.companies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.platform.security.Role;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;

/**
 * Seeds the demo: the factor, two client companies and one account per role (two
 * analysts, for four-eyes). Idempotent, and safe when several instances start at once
 * (advisory lock). Runs only with {@code cessio.demo.seed=true}, which the {@code demo}
 * profile sets.
 */
@Component
@ConditionalOnBooleanProperty("cessio.demo.seed")
@Order(1)
class DemoData implements ApplicationRunner {

	/** The one password of every demo account; listed in the README. */
	static final String DEMO_PASSWORD = "cessio-demo-2026";

	static final Siren ALPHA = Siren.of("123456782");

	static final Siren OMEGA = Siren.of("790123459");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final CompanyManagement companyManagement;

	private final CompanyRepository companies;

	private final UserManagement users;

	private final FactorManagement factor;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	DemoData(CompanyManagement companyManagement, CompanyRepository companies, UserManagement users,
			FactorManagement factor, TransactionTemplate transaction, JdbcClient jdbc) {
		this.companyManagement = companyManagement;
		this.companies = companies;
		this.users = users;
		this.factor = factor;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('cessio.demo-data'))").query().singleValue();
			seed();
		});
	}

	private void seed() {
		if (factor.details().isEmpty()) {
			factor.saveAs(
					new FactorDetails("Cessio Factor SA", Siren.of("812345676"), Iban.of("FR7630004000010001234560167"),
							new Bic("BNPAFRPPXXX"), new PostalAddress("16 rue de la Banque", "75002", "Paris", "FR")),
					-1);
		}
		CompanyId alpha = company(
				new CompanyDetails("ALPHA SAS", ALPHA, new PostalAddress("5 quai Saint-Antoine", "69002", "Lyon", "FR"),
						Iban.of("FR7630003012340005001234509")),
				alphaTerms());
		CompanyId omega = company(
				new CompanyDetails("OMEGA INDUSTRIE SAS", OMEGA,
						new PostalAddress("12 avenue de l'Europe", "67000", "Strasbourg", "FR"),
						Iban.of("FR7610278060000002000010101")),
				new ContractTerms(Rate.ofPercent("85"), Rate.ofPercent("0.45"), Money.eur("3.50"), Rate.ofPercent("20"),
						Rate.ofPercent("1.80"), Money.eur("250000.00"), Rate.ofPercent("30"), 45, 90,
						Money.eur("30000.00"), false));
		user("admin", "Adèle Admin", "admin@cessio.example", Role.ADMIN, null);
		user("ops", "Octave Exploitation", "ops@cessio.example", Role.OPS, null);
		user("analyste1", "Anne Analyste", "analyste1@cessio.example", Role.ANALYST, null);
		user("analyste2", "Bruno Analyste", "analyste2@cessio.example", Role.ANALYST, null);
		user("alpha", "Alice Martin (ALPHA)", "compta@alpha.example", Role.COMPANY_USER, alpha);
		user("omega", "Olivier Durand (OMEGA)", "finance@omega.example", Role.COMPANY_USER, omega);
		log.info("Demo data ready: users admin, ops, analyste1, analyste2, alpha, omega (password in the README)");
	}

	/**
	 * The standard terms, with a four-eyes threshold of 20 000 € so that the demo
	 * remittance needs two analysts.
	 */
	private static ContractTerms alphaTerms() {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(),
				standard.concentrationLimit(), standard.defundingDays(), standard.maxTermDays(), Money.eur("20000.00"),
				standard.autoPayout());
	}

	private CompanyId company(CompanyDetails details, ContractTerms terms) {
		return companies.findBySiren(details.siren())
			.map(Company::id)
			.orElseGet(() -> companyManagement.onboardAs(details, terms));
	}

	private void user(String username, String displayName, String email, Role role, CompanyId companyId) {
		if (!users.exists(username)) {
			users.createAs(new NewUser(username, displayName, email, role, companyId, DEMO_PASSWORD));
		}
	}

}
