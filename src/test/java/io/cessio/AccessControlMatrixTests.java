package io.cessio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceAttachments;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.RemittanceId;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;

/**
 * The access-control matrix (ASVS 8.2, 8.4): every endpoint the application maps, for
 * every kind of subject, with their own and another company's object ids. The endpoints
 * come from the handler mapping itself, so a new controller method without a row in
 * {@link #RULES} fails the build.
 */
@CessioIntegrationTest
class AccessControlMatrixTests {

	/**
	 * Who sends the request. Company A's user owns company A, company B's user company B.
	 */
	enum Subject {

		ANONYMOUS, COMPANY_A_USER, COMPANY_B_USER, ANALYST, OPS, ADMIN;

		boolean owns(Target target) {
			return (this == COMPANY_A_USER && target.company() == Target.COMPANY_A)
					|| (this == COMPANY_B_USER && target.company() == Target.COMPANY_B);
		}

		boolean isCompanyUser() {
			return this == COMPANY_A_USER || this == COMPANY_B_USER;
		}

	}

	/** What a path's {id} is filled with. */
	enum Target {

		NONE(null), COMPANY_A(null), COMPANY_B(null), THROWAWAY_USER(null), TRANSFER(null), DEBTOR_A(COMPANY_A),
		DEBTOR_B(COMPANY_B), INVOICE_A(COMPANY_A), INVOICE_B(COMPANY_B), REMITTANCE_A(COMPANY_A),
		REMITTANCE_B(COMPANY_B), REVIEW_ITEM_A(COMPANY_A), ATTACHMENT_A(COMPANY_A), ATTACHMENT_B(COMPANY_B),
		RECEIPT_A(COMPANY_A), RECEIPT_B(COMPANY_B), SWEEP_RUN(null), SWEEP_LINE(null);

		/**
		 * The company that owns the object, for objects of a company other than itself.
		 */
		private final Target owner;

		Target(Target owner) {
			this.owner = owner;
		}

		Target company() {
			return owner == null ? this : owner;
		}

	}

	/** What a subject gets back. */
	enum Outcome {

		/** 2xx, or a redirect anywhere but the sign-in page. */
		ALLOWED,
		/** 403. */
		FORBIDDEN,
		/** 404: another company's id reveals nothing. */
		NOT_FOUND,
		/** 302 to /login. */
		LOGIN

	}

	@FunctionalInterface
	interface Rule {

		Outcome expected(Subject subject, Target target);

	}

	/**
	 * The intended policy, one row per mapped "METHOD /pattern". Adding a controller
	 * method means adding its row here, stating who may call it.
	 */
	static final Map<String, Rule> RULES = new TreeMap<>(Map.ofEntries(
			// platform
			Map.entry("GET /login", everyone()), Map.entry("GET /", signedIn()),
			Map.entry("GET /ops", onlyRoles(Subject.OPS, Subject.ADMIN)),
			// own account
			Map.entry("GET /account/password", signedIn()), Map.entry("POST /account/password", signedIn()),
			// companies as factor staff and company users see them
			Map.entry("GET /companies", onlyRoles(Subject.ANALYST, Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /companies/{id}", ownCompanyOrFactorStaff()),
			// administration
			Map.entry("GET /admin", adminOnly()), Map.entry("GET /admin/audit", adminOnly()),
			Map.entry("GET /admin/factor", adminOnly()), Map.entry("POST /admin/factor", adminOnly()),
			Map.entry("GET /admin/companies/new", adminOnly()), Map.entry("POST /admin/companies", adminOnly()),
			Map.entry("GET /admin/companies/{id}/edit", adminOnly()),
			Map.entry("POST /admin/companies/{id}", adminOnly()), Map.entry("GET /admin/users", adminOnly()),
			Map.entry("GET /admin/users/new", adminOnly()), Map.entry("POST /admin/users", adminOnly()),
			Map.entry("POST /admin/users/{id}/deactivate", adminOnly()),
			Map.entry("POST /admin/users/{id}/reactivate", adminOnly()),
			Map.entry("POST /admin/users/{id}/unlock", adminOnly()),
			Map.entry("GET /admin/users/{id}/password", adminOnly()),
			Map.entry("POST /admin/users/{id}/password", adminOnly()),
			Map.entry("GET /companies/{id}/dedicated-account", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/dedicated-account/movements.csv", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/dedicated-account/withdrawal", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/dedicated-account/withdrawal", ownCompanyUserOnly()),
			Map.entry("GET /ops/incoming-transfers", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("POST /ops/incoming-transfers", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /ops/transfers", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /ops/transfers/{id}/pain001", onlyRoles(Subject.OPS, Subject.ADMIN)),
			// debtors
			Map.entry("GET /companies/{id}/debtors", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/debtors/new", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/debtors", ownCompanyUserOnly()),
			Map.entry("GET /debtors/{id}", ownCompanyOrFactorStaff()),
			Map.entry("GET /debtors/{id}/edit", ownCompanyUserOnly()),
			Map.entry("POST /debtors/{id}", ownCompanyUserOnly()),
			Map.entry("GET /debtors/{id}/notification-letter.pdf", ownCompanyOrFactorStaff()),
			Map.entry("POST /debtors/{id}/approval", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /debtors/{id}/insurance", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /debtors/{id}/block", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /debtors/{id}/unblock", onlyRoles(Subject.ANALYST)),
			// invoices
			Map.entry("GET /companies/{id}/invoices", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/invoices/new", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/invoices", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/invoices/import", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/invoices/einvoice", ownCompanyUserOnly()),
			Map.entry("GET /invoices/{id}", ownCompanyOrFactorStaff()),
			Map.entry("GET /invoices/{id}/edit", ownCompanyUserOnly()),
			Map.entry("POST /invoices/{id}", ownCompanyUserOnly()),
			Map.entry("POST /invoices/{id}/delete", ownCompanyUserOnly()),
			Map.entry("POST /invoices/{id}/attachments", ownCompanyUserOnly()),
			Map.entry("GET /attachments/{id}", ownCompanyOrFactorStaff()),
			Map.entry("POST /invoices/{id}/disputes", ownCompanyUserOrAnalyst()),
			Map.entry("POST /invoices/{id}/disputes/withdraw", ownCompanyUserOrAnalyst()),
			// remittances
			Map.entry("POST /companies/{id}/remittances", ownCompanyUserOnly()),
			Map.entry("GET /companies/{id}/remittances", ownCompanyOrFactorStaff()),
			Map.entry("GET /remittances/{id}", ownCompanyOrFactorStaff()),
			Map.entry("GET /remittances/{id}/quittance.pdf", ownCompanyOrFactorStaff()),
			// funding
			Map.entry("GET /companies/{id}/availability", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/availability/summary", ownCompanyOrFactorStaff()),
			Map.entry("GET /companies/{id}/draws/new", ownCompanyUserOnly()),
			Map.entry("POST /companies/{id}/draws", ownCompanyUserOnly()),
			Map.entry("GET /ops/payouts", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("POST /ops/payouts/run", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /admin/reference-rates", adminOnly()), Map.entry("POST /admin/reference-rates", adminOnly()),
			// statements, lettrage and the sweep
			Map.entry("GET /ops/statements", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("POST /ops/statements", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /ops/suspense", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /companies/{id}/suspense", ownCompanyUserOrOps()),
			Map.entry("GET /receipts/{id}", ownCompanyUserOrOps()),
			Map.entry("POST /receipts/{id}/allocate", ownCompanyUserOrOps()),
			Map.entry("POST /receipts/{id}/return", ownCompanyUserOrOps()),
			Map.entry("GET /ops/sweeps", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("POST /ops/sweeps/run", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /ops/sweeps/{id}", onlyRoles(Subject.OPS, Subject.ADMIN)),
			Map.entry("GET /ops/sweep-lines/{id}", onlyRoles(Subject.OPS, Subject.ADMIN)),
			// the analysts' review
			Map.entry("GET /reviews", onlyRoles(Subject.ANALYST)),
			Map.entry("GET /reviews/{id}", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /reviews/{id}/approve-eligible", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /reviews/{id}/reject-all", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /reviews/{id}/complete", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /reviews/{id}/confirm", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /reviews/{id}/send-back", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /review-items/{id}/approve", onlyRoles(Subject.ANALYST)),
			Map.entry("POST /review-items/{id}/reject", onlyRoles(Subject.ANALYST))));

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	InvoiceFixtures invoiceFixtures;

	@Autowired
	InvoiceAttachments attachments;

	@Autowired
	io.cessio.payments.PaymentFixtures paymentFixtures;

	@Autowired
	io.cessio.sweep.SweepManagement sweeps;

	private String analystName;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private final Map<Subject, UserDetails> principals = new EnumMap<>(Subject.class);

	private final Map<Target, UUID> ids = new EnumMap<>(Target.class);

	@BeforeEach
	void createSubjectsAndObjects() {
		CompanyId companyA = fixtures.aCompany();
		CompanyId companyB = fixtures.aCompany();
		ids.put(Target.COMPANY_A, companyA.value());
		ids.put(Target.COMPANY_B, companyB.value());
		ids.put(Target.THROWAWAY_USER, accountId(fixtures.aUser(Role.ANALYST)));
		principals.put(Subject.COMPANY_A_USER, principal(fixtures.aUser(Role.COMPANY_USER, companyA)));
		principals.put(Subject.COMPANY_B_USER, principal(fixtures.aUser(Role.COMPANY_USER, companyB)));
		analystName = fixtures.aUser(Role.ANALYST);
		principals.put(Subject.ANALYST, principal(analystName));
		principals.put(Subject.OPS, principal(fixtures.aUser(Role.OPS)));
		principals.put(Subject.ADMIN, principal(fixtures.aUser(Role.ADMIN)));
		// dedicated accounts open when the CompanyOnboarded event is handled, after
		// commit
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from dedicated_account where company_id in (?, ?)")
				.params(companyA.value(), companyB.value())
				.query(Long.class)
				.single() == 2);
		ledger.post(PostingRules.payout(companyA.toString(), "MATRIX-" + UUID.randomUUID(), LocalDate.now(),
				Money.eur("100.00")));
		String token = UUID.randomUUID().toString();
		try {
			mvc.perform(post("/companies/" + companyA + "/dedicated-account/withdrawal")
				.with(user(principals.get(Subject.COMPANY_A_USER)))
				.with(csrf())
				.param("amount", "10")
				.param("token", token)).andExpect(status().is3xxRedirection());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		ids.put(Target.TRANSFER,
				jdbc.sql("select id from outgoing_transfer where request_key = ?")
					.param("WITHDRAWAL:" + token)
					.query(UUID.class)
					.single());
		createInvoicingObjects(companyA, companyB);
		createPaymentObjects(companyA, companyB);
	}

	/**
	 * A receipt in suspense on each company's dedicated account, a sweep run and one of
	 * its lines.
	 */
	private void createPaymentObjects(CompanyId companyA, CompanyId companyB) {
		String ops = principals.get(Subject.OPS).getUsername();
		ids.put(Target.RECEIPT_A, paymentFixtures.aReceiptInSuspense(ops, companyA, "150.00"));
		ids.put(Target.RECEIPT_B, paymentFixtures.aReceiptInSuspense(ops, companyB, "250.00"));
		UUID run = invoiceFixtures.acting().as(ops, () -> sweeps.runNow());
		ids.put(Target.SWEEP_RUN, run);
		UUID line = UUID.randomUUID();
		jdbc.sql("""
				insert into sweep_line (id, run_id, dedicated_account_id, company_id, business_date, status, amount,
				  invoices_settled, reserve_released, error, recorded_at)
				select ?, ?, d.id, d.company_id, current_date, 'FAILED', 0, 0, 0, 'matrix', now()
				from dedicated_account d where d.company_id = ?""").params(line, run, companyA.value()).update();
		ids.put(Target.SWEEP_LINE, line);
	}

	/**
	 * A debtor, an open invoice with a document, and a submitted remittance for each
	 * company.
	 */
	private void createInvoicingObjects(CompanyId companyA, CompanyId companyB) {
		accountFixtures().ensureFactor();
		for (Target company : List.of(Target.COMPANY_A, Target.COMPANY_B)) {
			CompanyId id = new CompanyId(ids.get(company));
			String user = principals.get(company == Target.COMPANY_A ? Subject.COMPANY_A_USER : Subject.COMPANY_B_USER)
				.getUsername();
			String suffix = company == Target.COMPANY_A ? "A" : "B";
			DebtorId debtor = invoiceFixtures.anApprovedDebtor(new InvoiceFixtures.Client(id, user, analystName),
					"DEBITEUR " + suffix, AccountFixtures.randomSiren(), Money.eur("100000.00"));
			InvoiceFixtures.Client client = new InvoiceFixtures.Client(id, user, analystName);
			InvoiceId open = invoiceFixtures.anInvoice(client, debtor, "OPEN-" + suffix, LocalDate.now().minusDays(5),
					LocalDate.now().plusDays(40), "1200.00");
			InvoiceId submitted = invoiceFixtures.anInvoice(client, debtor, "SUBMITTED-" + suffix,
					LocalDate.now().minusDays(5), LocalDate.now().plusDays(40), "2400.00");
			RemittanceId remittance = invoiceFixtures.submit(client, List.of(submitted));
			UUID attachment = invoiceFixtures.acting()
				.as(user, () -> attachments.attach(open, "bon.pdf", "%PDF-1.4 test".getBytes()));
			ids.put(company == Target.COMPANY_A ? Target.DEBTOR_A : Target.DEBTOR_B, debtor.value());
			ids.put(company == Target.COMPANY_A ? Target.INVOICE_A : Target.INVOICE_B, open.value());
			ids.put(company == Target.COMPANY_A ? Target.REMITTANCE_A : Target.REMITTANCE_B, remittance.value());
			ids.put(company == Target.COMPANY_A ? Target.ATTACHMENT_A : Target.ATTACHMENT_B, attachment);
			if (company == Target.COMPANY_A) {
				ids.put(Target.REVIEW_ITEM_A, submitted.value());
			}
		}
	}

	@Test
	void everyMappedEndpointHasARowAndEveryRowAMappedEndpoint() {
		Set<String> mapped = mappedEndpoints();
		List<String> problems = new ArrayList<>();
		mapped.stream()
			.filter(endpoint -> !RULES.containsKey(endpoint))
			.forEach(endpoint -> problems
				.add("no row in AccessControlMatrixTests.RULES for mapped endpoint " + endpoint));
		RULES.keySet()
			.stream()
			.filter(endpoint -> !mapped.contains(endpoint))
			.forEach(endpoint -> problems
				.add("row in AccessControlMatrixTests.RULES for unmapped endpoint " + endpoint));
		assertThat(problems).as("the matrix must have exactly one row per mapped endpoint").isEmpty();
	}

	@Test
	void everySubjectGetsExactlyWhatThePolicyAllowsOnEveryEndpoint() throws Exception {
		String companiesBefore = companySnapshot();
		String accountsBefore = accountSnapshot();
		List<String> violations = new ArrayList<>();
		int attempted = 0;
		int ok = 0;
		int rejectedCleanly = 0;
		int serverErrors = 0;
		for (String endpoint : mappedEndpoints()) {
			Rule rule = RULES.get(endpoint);
			if (rule == null) {
				violations.add("no matrix row for " + endpoint);
				continue;
			}
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			List<Target> targets = targetsFor(pattern);
			if (targets.isEmpty()) {
				violations.add("no object id known for the path variables of " + endpoint);
				continue;
			}
			for (Target target : targets) {
				String path = target == Target.NONE ? pattern
						: PATH_VARIABLE.matcher(pattern).replaceAll(ids.get(target).toString());
				for (Subject subject : Subject.values()) {
					Outcome expected = rule.expected(subject, target);
					attempted++;
					String actual;
					Outcome outcome;
					try {
						MockHttpServletResponse response = mvc.perform(requestAs(subject, method, path))
							.andReturn()
							.getResponse();
						actual = describe(response);
						outcome = outcomeOf(response);
						if (response.getStatus() >= 500) {
							serverErrors++;
						}
					}
					catch (Exception ex) {
						// an exception escaping MockMvc would be a 500 for a real client
						actual = "exception " + ex;
						outcome = null;
						serverErrors++;
					}
					if (outcome == expected) {
						if (expected == Outcome.ALLOWED) {
							ok++;
						}
						else {
							rejectedCleanly++;
						}
					}
					else {
						violations.add(String.format("%-15s %-4s %-70s %-16s expected %-9s got %s", subject, method,
								path, "(" + label(subject, target) + ")", expected, actual));
					}
				}
			}
		}
		System.out.printf("R6 access-control matrix: attempted=%d, ok=%d, rejected_cleanly=%d, 5xx=%d, violations=%d%n",
				attempted, ok, rejectedCleanly, serverErrors, violations.size());
		assertThat(violations).as("access-control violations (subject, method, path, object, expected, actual)")
			.isEmpty();
		assertThat(serverErrors).as("5xx responses").isZero();
		// the allowed POSTs above were harmless: validation re-renders, and deactivate
		// then reactivate
		assertThat(companySnapshot()).as("companies A and B after the matrix").isEqualTo(companiesBefore);
		assertThat(accountSnapshot()).as("the subjects' and the throwaway account after the matrix")
			.isEqualTo(accountsBefore);
	}

	@Test
	void companyUserCannotRaiseTheirOwnAdvanceRateThroughTheAdminForm() throws Exception {
		CompanyId own = fixtures.aCompany();
		UserDetails companyUser = principal(fixtures.aUser(Role.COMPANY_USER, own));
		BigDecimal before = advanceRate(own);

		mvc.perform(withFullCompanyForm(post("/admin/companies/{id}", own.value()), own, "100").with(user(companyUser))
			.with(csrf())).andExpect(status().isForbidden());

		assertThat(advanceRate(own)).isEqualByComparingTo(before);
	}

	@Test
	void theSameCompanyFormChangesTheAdvanceRateWhenAnAdministratorSendsIt() throws Exception {
		// control for the test above: the payload is valid, so only authorisation stopped
		// it there
		CompanyId company = fixtures.aCompany();
		UserDetails admin = principal(fixtures.aUser(Role.ADMIN));

		mvc.perform(
				withFullCompanyForm(post("/admin/companies/{id}", company.value()), company, "100").with(user(admin))
					.with(csrf()))
			.andExpect(redirectedUrl("/companies/" + company.value()));

		assertThat(advanceRate(company)).isEqualByComparingTo("1");
	}

	@Test
	void companyUserCannotCreateAnAdministratorAccount() throws Exception {
		CompanyId own = fixtures.aCompany();
		UserDetails companyUser = principal(fixtures.aUser(Role.COMPANY_USER, own));
		String username = "escalated-" + UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(post("/admin/users").with(user(companyUser))
			.with(csrf())
			.param("username", username)
			.param("displayName", "Escalated")
			.param("email", username + "@example.com")
			.param("role", "ADMIN")
			.param("initialPassword", "a-long-enough-password")).andExpect(status().isForbidden());

		assertThat(jdbc.sql("select count(*) from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void companyUserCannotChangeTheirRoleOrCompanyThroughTheirOwnPasswordForm() throws Exception {
		CompanyId own = fixtures.aCompany();
		CompanyId other = fixtures.aCompany();
		String username = fixtures.aUser(Role.COMPANY_USER, own);

		mvc.perform(post("/account/password").with(user(principal(username)))
			.with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "another-long-password")
			.param("confirmation", "another-long-password")
			.param("role", "ADMIN")
			.param("companyId", other.value().toString())
			.param("active", "true")).andExpect(redirectedUrl("/login?passwordChanged"));

		Map<String, Object> account = jdbc.sql("select role, company_id from user_account where username = ?")
			.param(username)
			.query()
			.singleRow();
		assertThat(account).containsEntry("role", "COMPANY_USER").containsEntry("company_id", own.value());
	}

	/**
	 * Every (method, pattern) of the application's own controllers; Spring's /error is
	 * not ours.
	 */
	private Set<String> mappedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getPackageName().startsWith("io.cessio")) {
				continue;
			}
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				// a mapping without a method answers them all: each needs its row
				methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
						RequestMethod.DELETE);
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				for (RequestMethod method : methods) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	/**
	 * Company ids run twice (own and foreign); a user id runs on the throwaway account.
	 */
	private static List<Target> targetsFor(String pattern) {
		Matcher variables = PATH_VARIABLE.matcher(pattern);
		List<String> names = new ArrayList<>();
		while (variables.find()) {
			names.add(variables.group(1));
		}
		if (names.isEmpty()) {
			return List.of(Target.NONE);
		}
		if (!names.equals(List.of("id"))) {
			return List.of();
		}
		if (pattern.startsWith("/companies/{id}") || pattern.startsWith("/admin/companies/{id}")) {
			return List.of(Target.COMPANY_A, Target.COMPANY_B);
		}
		if (pattern.startsWith("/admin/users/{id}")) {
			return List.of(Target.THROWAWAY_USER);
		}
		if (pattern.startsWith("/ops/transfers/{id}")) {
			return List.of(Target.TRANSFER);
		}
		if (pattern.startsWith("/debtors/{id}")) {
			return List.of(Target.DEBTOR_A, Target.DEBTOR_B);
		}
		if (pattern.startsWith("/invoices/{id}/disputes")) {
			// the open invoice may be deleted by an earlier row ("…/delete" sorts first)
			return List.of(Target.REVIEW_ITEM_A);
		}
		if (pattern.startsWith("/invoices/{id}")) {
			return List.of(Target.INVOICE_A, Target.INVOICE_B);
		}
		if (pattern.startsWith("/remittances/{id}")) {
			return List.of(Target.REMITTANCE_A, Target.REMITTANCE_B);
		}
		if (pattern.startsWith("/reviews/{id}")) {
			return List.of(Target.REMITTANCE_A);
		}
		if (pattern.startsWith("/review-items/{id}")) {
			return List.of(Target.REVIEW_ITEM_A);
		}
		if (pattern.startsWith("/receipts/{id}")) {
			return List.of(Target.RECEIPT_A, Target.RECEIPT_B);
		}
		if (pattern.startsWith("/ops/sweeps/{id}")) {
			return List.of(Target.SWEEP_RUN);
		}
		if (pattern.startsWith("/ops/sweep-lines/{id}")) {
			return List.of(Target.SWEEP_LINE);
		}
		if (pattern.startsWith("/attachments/{id}")) {
			return List.of(Target.ATTACHMENT_A, Target.ATTACHMENT_B);
		}
		return List.of();
	}

	private MockHttpServletRequestBuilder requestAs(Subject subject, String method, String path) {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), URI.create(path));
		if (!method.equals("GET") && !method.equals("HEAD")) {
			request.with(csrf());
		}
		if (subject != Subject.ANONYMOUS) {
			request.with(user(principals.get(subject)));
		}
		return request;
	}

	private static Outcome outcomeOf(MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status >= 200 && status < 300) {
			return Outcome.ALLOWED;
		}
		if (status >= 300 && status < 400) {
			String location = response.getRedirectedUrl();
			if (location != null && "/login".equals(URI.create(location).getPath())) {
				return status == 302 ? Outcome.LOGIN : null;
			}
			return Outcome.ALLOWED;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		return null;
	}

	private static String describe(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() + (location == null ? "" : " -> " + location);
	}

	private static String label(Subject subject, Target target) {
		return switch (target) {
			case NONE -> "-";
			case THROWAWAY_USER -> "user";
			case TRANSFER -> "transfer";
			case SWEEP_RUN -> "sweep run";
			case SWEEP_LINE -> "sweep line";
			default -> {
				if (subject.isCompanyUser()) {
					yield (subject.owns(target) ? "own " : "foreign ") + target.name().toLowerCase();
				}
				yield target.name().toLowerCase();
			}
		};
	}

	private AccountFixtures accountFixtures() {
		return fixtures;
	}

	private UserDetails principal(String username) {
		return userDetailsService.loadUserByUsername(username);
	}

	private UUID accountId(String username) {
		return jdbc.sql("select id from user_account where username = ?").param(username).query(UUID.class).single();
	}

	private BigDecimal advanceRate(CompanyId id) {
		return jdbc.sql("select advance_rate from company where id = ?")
			.param(id.value())
			.query(BigDecimal.class)
			.single();
	}

	private MockHttpServletRequestBuilder withFullCompanyForm(MockHttpServletRequestBuilder request, CompanyId id,
			String advanceRatePercent) {
		Map<String, Object> company = jdbc.sql("select siren, version from company where id = ?")
			.param(id.value())
			.query()
			.singleRow();
		return request.param("legalName", "SOCIETE ESCALADE")
			.param("siren", (String) company.get("siren"))
			.param("street", "1 rue du Test")
			.param("postalCode", "75001")
			.param("city", "Paris")
			.param("country", "FR")
			.param("operatingIban", "FR7630003012340005001234509")
			.param("advanceRatePercent", advanceRatePercent)
			.param("commissionRatePercent", "0.30")
			.param("perInvoiceFee", "3.00")
			.param("feeVatRatePercent", "20")
			.param("financingMarginPercent", "1.50")
			.param("facilityLimit", "500000.00")
			.param("concentrationLimitPercent", "30")
			.param("defundingDays", "60")
			.param("maxTermDays", "90")
			.param("fourEyesThreshold", "50000.00")
			.param("autoPayout", "true")
			.param("version", String.valueOf(company.get("version")));
	}

	/** Companies A and B, whole rows: no allowed POST in the matrix may change them. */
	private String companySnapshot() {
		return jdbc.sql("select * from company where id in (?, ?) order by id")
			.param(ids.get(Target.COMPANY_A))
			.param(ids.get(Target.COMPANY_B))
			.query()
			.listOfRows()
			.toString();
	}

	/** The subjects' and the throwaway account's role, company, status and password. */
	private String accountSnapshot() {
		List<String> usernames = new ArrayList<>();
		principals.values().forEach(principal -> usernames.add(principal.getUsername()));
		return jdbc.sql("""
				select username, role, company_id, active, failed_login_count, locked_until,
				       md5(password_hash) as password_fingerprint
				  from user_account where username in (:usernames) or id = :throwaway order by username""")
			.param("usernames", usernames)
			.param("throwaway", ids.get(Target.THROWAWAY_USER))
			.query()
			.listOfRows()
			.toString();
	}

	// the rules

	private static Rule everyone() {
		return (subject, target) -> Outcome.ALLOWED;
	}

	private static Rule signedIn() {
		return (subject, target) -> subject == Subject.ANONYMOUS ? Outcome.LOGIN : Outcome.ALLOWED;
	}

	private static Rule onlyRoles(Subject... allowed) {
		Set<Subject> roles = EnumSet.copyOf(Arrays.asList(allowed));
		return (subject, target) -> {
			if (subject == Subject.ANONYMOUS) {
				return Outcome.LOGIN;
			}
			return roles.contains(subject) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
		};
	}

	private static Rule adminOnly() {
		return onlyRoles(Subject.ADMIN);
	}

	/**
	 * Factor staff see every company; a company user sees their own, and another's id is
	 * not found.
	 */
	private static Rule ownCompanyUserOnly() {
		return (subject, target) -> {
			if (subject == Subject.ANONYMOUS) {
				return Outcome.LOGIN;
			}
			if (subject.isCompanyUser()) {
				return subject.owns(target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
			}
			return Outcome.FORBIDDEN;
		};
	}

	private static Rule ownCompanyUserOrAnalyst() {
		return (subject, target) -> {
			if (subject == Subject.ANONYMOUS) {
				return Outcome.LOGIN;
			}
			if (subject.isCompanyUser()) {
				return subject.owns(target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
			}
			return subject == Subject.ANALYST ? Outcome.ALLOWED : Outcome.FORBIDDEN;
		};
	}

	private static Rule ownCompanyUserOrOps() {
		return (subject, target) -> {
			if (subject == Subject.ANONYMOUS) {
				return Outcome.LOGIN;
			}
			if (subject.isCompanyUser()) {
				return subject.owns(target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
			}
			return subject == Subject.OPS || subject == Subject.ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
		};
	}

	private static Rule ownCompanyOrFactorStaff() {
		return (subject, target) -> {
			if (subject == Subject.ANONYMOUS) {
				return Outcome.LOGIN;
			}
			if (subject.isCompanyUser()) {
				return subject.owns(target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
			}
			return Outcome.ALLOWED;
		};
	}

}
