package io.cessio;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey on the demo application shares: one headless Chromium per
 * class, a fresh French browser context per test, and signing in and out as a demo user.
 * Subclasses carry the Spring test annotations (the same everywhere, so that they share
 * one application context).
 */
public abstract class DemoBrowserJourney {

	public static final String DEMO_PASSWORD = "cessio-demo-2026";

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	@BeforeAll
	static void startBrowser() {
		BrowserSupport.chromium();
		playwright = BrowserSupport.playwright();
		browser = BrowserSupport.launch(playwright);
	}

	@AfterAll
	static void stopBrowser() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openContext() {
		context = browser.newContext(
				new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("fr-FR").setAcceptDownloads(true));
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void signIn(String username) {
		signIn(username, DEMO_PASSWORD);
	}

	protected void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("main form button[type=submit]").click();
		page.waitForLoadState();
	}

	protected void signOut() {
		page.locator("form[action='/logout'] button").click();
		assertThat(page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

}
