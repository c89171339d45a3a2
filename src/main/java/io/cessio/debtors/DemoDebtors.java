package io.cessio.debtors;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * Seeds the demo companies' debtors (DOMAIN.md §3.3: BETA, GAMMA and DELTA for ALPHA,
 * approved; one more not approved), after the companies. Idempotent and safe with several
 * instances (advisory lock). Runs only with {@code cessio.demo.seed=true}.
 */
@Component
@ConditionalOnBooleanProperty("cessio.demo.seed")
@Order(2)
class DemoDebtors implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDebtors.class);

	private final DebtorRepository debtors;

	private final CompanyManagement companies;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail auditTrail;

	DemoDebtors(DebtorRepository debtors, CompanyManagement companies, TransactionTemplate transaction, JdbcClient jdbc,
			Clock clock, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.debtors = debtors;
		this.companies = companies;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('cessio.demo-debtors'))").query().singleValue();
			companies.findIdBySiren(Siren.of("123456782")).ifPresent(this::seedAlpha);
			companies.findIdBySiren(Siren.of("790123459")).ifPresent(this::seedOmega);
		});
	}

	private void seedAlpha(CompanyId alpha) {
		Approval approval = new Approval(Money.eur("50000.00"), LocalDate.of(2027, 12, 31));
		debtor(alpha, "BETA SA", "552109878", new PostalAddress("8 rue de la République", "69001", "Lyon", "FR"),
				"comptabilite@beta.example", approval);
		debtor(alpha, "GAMMA SARL", "403123458", new PostalAddress("3 place Bellecour", "69002", "Lyon", "FR"),
				"factures@gamma.example", approval);
		debtor(alpha, "DELTA SAS", "888777661", new PostalAddress("21 cours Lafayette", "69003", "Lyon", "FR"),
				"ap@delta.example", approval);
		debtor(alpha, "EPSILON SA", "732829320", new PostalAddress("1 quai de Saône", "69009", "Lyon", "FR"),
				"compta@epsilon.example", null);
	}

	private void seedOmega(CompanyId omega) {
		debtor(omega, "ZETA INDUSTRIE SAS", "552109878",
				new PostalAddress("4 rue du Rhin", "67000", "Strasbourg", "FR"), "ap@zeta.example",
				new Approval(Money.eur("30000.00"), LocalDate.of(2027, 6, 30)));
	}

	private void debtor(CompanyId company, String name, String siren, PostalAddress address, String email,
			Approval approval) {
		if (debtors.existsByCompanyIdAndSiren(company.value(), Siren.of(siren))) {
			return;
		}
		Debtor debtor = new Debtor(DebtorId.newId(), company, new DebtorDetails(name, Siren.of(siren), address, email),
				clock.instant());
		debtor.approve(approval);
		debtors.save(debtor);
		auditTrail.record("DEBTOR_REGISTERED", DebtorManagement.ENTITY, debtor.id().toString(), "demo data: company "
				+ company + ", " + name + (approval == null ? "" : ", approved " + approval.limit()));
		log.info("Demo debtor {} for company {}", name, company);
	}

}
