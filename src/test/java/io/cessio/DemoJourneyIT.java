package io.cessio;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.shared.Money;

/**
 * The application as a newcomer meets it: started with the {@code demo} profile (as the
 * README's run command does) and driven in headless Chromium. Screenshots go to
 * {@code target/screenshots}.
 */
// the test database comes from TestcontainersConfiguration: nothing to create on
// localhost
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cessio.database.create-if-missing=false")
@ActiveProfiles("demo")
@Import(TestcontainersConfiguration.class)
@ExtendWith(LedgerInvariantsCheck.class)
class DemoJourneyIT extends DemoBrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@ParameterizedTest(name = "{0} lands on {1}")
	@CsvSource({ "admin, /admin, Administration", "ops, /ops, Exploitation", "analyste1, /companies, Adhérents",
			"analyste2, /companies, Adhérents", "alpha, /companies/, ALPHA SAS",
			"omega, /companies/, OMEGA INDUSTRIE SAS" })
	void eachDemoUserSignsInAndLandsOnTheirHomePage(String username, String home, String heading) {
		signIn(username, DEMO_PASSWORD);
		assertThat(page).hasURL(Pattern.compile(".*" + home + ".*"));
		assertThat(page.locator("h1")).hasText(heading);
		assertThat(page.getByTestId("current-user")).isVisible();
		BrowserSupport.screenshot(page, "home-" + username);
	}

	@Test
	void companyHomeShowsContractTermsInFrenchFormat() {
		signIn("alpha", DEMO_PASSWORD);
		// 500 000,00 € with a narrow no-break space between thousands and a no-break
		// space before €
		assertThat(page.getByTestId("facility-limit")).hasText("500\u202F000,00\u00A0€");
	}

	@Test
	void companyUserGetsNotFoundForAnotherCompany() {
		signIn("omega", DEMO_PASSWORD);
		String omegaUrl = page.url();
		signOut();
		signIn("alpha", DEMO_PASSWORD);
		Response response = page.navigate(omegaUrl);
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("h1")).hasText("Page introuvable");
		BrowserSupport.screenshot(page, "company-user-foreign-company-404");
	}

	@Test
	void analystIsRefusedTheAdministrationPages() {
		signIn("analyste1", DEMO_PASSWORD);
		Response response = page.navigate(url("/admin/users"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(page.locator("h1")).hasText("Accès refusé");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheAuditTrailShowsThem() {
		// a fresh account, so that the demo accounts stay usable
		signIn("admin", DEMO_PASSWORD);
		page.navigate(url("/admin/users/new"));
		page.locator("#username").fill("victime");
		page.locator("#displayName").fill("Victor Time");
		page.locator("#email").fill("victor@example.com");
		page.locator("#role").selectOption("OPS");
		page.locator("#initialPassword").fill("un-mot-de-passe-solide");
		page.locator("button[type=submit]").last().click();
		assertThat(page.locator(".alert-success")).isVisible();
		signOut();

		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn("victime", "mauvais-mot-de-passe");
		}
		assertThat(page.getByTestId("locked-message")).isVisible();
		BrowserSupport.screenshot(page, "login-locked");
		signIn("victime", "un-mot-de-passe-solide");
		assertThat(page.getByTestId("locked-message")).isVisible();

		signIn("admin", DEMO_PASSWORD);
		page.navigate(url("/admin/audit?actor=victime&action=LOGIN_FAILED"));
		assertThat(page.getByTestId("audit-table").locator("tbody tr")).hasCount(6);
		BrowserSupport.screenshot(page, "audit-failed-logins");
	}

	@Test
	void languageSwitchesToEnglishAndIsRemembered() {
		signIn("analyste1", DEMO_PASSWORD);
		page.locator("a[lang=en]").click();
		assertThat(page.locator("h1")).hasText("Client companies");
		page.navigate(url("/companies"));
		assertThat(page.locator("h1")).hasText("Client companies");
		BrowserSupport.screenshot(page, "companies-english");
	}

	@Test
	void worksAtPhoneWidth() {
		BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
		Page phonePage = phone.newPage();
		phonePage.navigate(url("/login"));
		phonePage.locator("#username").fill("admin");
		phonePage.locator("#password").fill(DEMO_PASSWORD);
		phonePage.locator("form button[type=submit]").click();
		assertThat(phonePage.locator("h1")).hasText("Administration");
		phonePage.locator(".navbar-toggler").click();
		assertThat(phonePage.locator("#mainNav a[href='/admin/audit']")).isVisible();
		assertThat(phonePage.locator("#mainNav.show:not(.collapsing)")).isVisible();
		BrowserSupport.screenshot(phonePage, "admin-phone");
		phone.close();
	}

	@Test
	void twoAdministratorsEditingTheSameCompanyGetAConflictNotALostUpdate() {
		signIn("admin", DEMO_PASSWORD);
		page.navigate(url("/companies"));
		page.locator("a", new Page.LocatorOptions().setHasText("OMEGA INDUSTRIE SAS")).click();
		String editUrl = page.url().replace("/companies/", "/admin/companies/") + "/edit";
		page.navigate(editUrl);
		Page second = context.newPage();
		second.navigate(editUrl);

		page.locator("#city").fill("Colmar");
		page.locator("main button[type=submit]").click();
		assertThat(page.locator(".alert-success")).isVisible();

		second.locator("#city").fill("Mulhouse");
		Response conflict = second.waitForResponse(response -> response.request().method().equals("POST"),
				() -> second.locator("main button[type=submit]").click());
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(second.locator("h1")).hasText("Conflit de modification");
		assertThat(second.content()).doesNotContain("Exception").doesNotContain("at io.cessio");
		BrowserSupport.screenshot(second, "conflict-409");
		page.navigate(page.url());
		assertThat(page.locator("main")).containsText("Colmar");
	}

	@Test
	void operationsRecordAReceiptAndTheCompanyWithdrawsWhatIsAvailable() {
		UUID alpha = jdbc.sql("select id from company where siren = '123456782'").query(UUID.class).single();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from dedicated_account where company_id = ?")
				.param(alpha)
				.query(Long.class)
				.single() == 1);
		ledger.post(PostingRules.payout(alpha.toString(), "IT-PAYOUT-" + UUID.randomUUID(), LocalDate.now(),
				Money.eur("1000.00")));

		signIn("ops", DEMO_PASSWORD);
		page.navigate(url("/ops/incoming-transfers"));
		page.locator("#accountId")
			.selectOption(new SelectOption().setLabel(page.locator("#accountId option")
				.filter(new Locator.FilterOptions().setHasText("ALPHA SAS"))
				.textContent()));
		page.locator("#amount").fill("250,00");
		page.locator("#payerName").fill("GAMMA SARL");
		page.locator("#payerIban").fill("FR76 3000 3012 3400 0500 1234 509");
		page.locator("#remittanceInfo").fill("FACTURE F2");
		page.locator("main button[type=submit]").click();
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.getByTestId("incoming-transfers")).containsText("GAMMA SARL");
		BrowserSupport.screenshot(page, "ops-incoming-transfer");
		signOut();

		signIn("alpha", DEMO_PASSWORD);
		page.locator("nav a", new Page.LocatorOptions().setHasText("Compte dédié")).click();
		assertThat(page.getByTestId("balance-available")).hasText("1\u202F000,00\u00A0€");
		assertThat(page.getByTestId("balance-unidentified")).hasText("250,00\u00A0€");
		assertThat(page.getByTestId("balance-total")).hasText("1\u202F250,00\u00A0€");
		page.locator("main a", new Page.LocatorOptions().setHasText("Virer vers mon compte")).click();
		page.locator("#amount").fill("1 000,01");
		page.locator("main button[type=submit]").click();
		assertThat(page.locator(".invalid-feedback")).containsText("supérieur au disponible");
		page.locator("#amount").fill("400");
		page.locator("main button[type=submit]").click();
		assertThat(page.getByTestId("withdrawal-receipt")).containsText("CESSIO-W-");
		assertThat(page.getByTestId("balance-available")).hasText("600,00\u00A0€");
		assertThat(page.getByTestId("movements").locator("tbody tr")).hasCount(3);
		BrowserSupport.screenshot(page, "company-dedicated-account");
	}

	@Test
	void sessionCookieIsHttpOnlySecureAndSameSite() {
		signIn("ops", DEMO_PASSWORD);
		var cookie = context.cookies().stream().filter(c -> c.name.equals("CESSIO_SESSION")).findFirst().orElseThrow();
		assertThat(cookie.httpOnly).isTrue();
		assertThat(cookie.secure).isTrue();
		assertThat(cookie.sameSite).hasToString("LAX");
	}

	@Test
	void signingOutEndsTheSession() {
		signIn("ops", DEMO_PASSWORD);
		signOut();
		page.navigate(url("/ops"));
		assertThat(page).hasURL(Pattern.compile(".*/login.*"));
	}

}
