package io.cessio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

/**
 * Starts the system's Chromium through Playwright, offline: no browser download, no
 * lookups of outside hosts. Where Chromium is missing the browser tests are skipped,
 * except under CI, where its absence is an error ({@code .ci/run} installs it).
 */
public final class BrowserSupport {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private BrowserSupport() {
	}

	public static Path chromium() {
		String configured = System.getenv("CESSIO_BROWSER_PATH");
		Path path = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
		if (!Files.isExecutable(path)) {
			if (System.getenv("CI") != null) {
				throw new IllegalStateException("CI needs Chromium at " + path + " (apt-get install -y chromium)");
			}
			Assumptions.abort("No Chromium at " + path + "; browser tests skipped outside CI");
		}
		return path;
	}

	public static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
						"--disable-default-apps", "--disable-quic",
						"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost")));
	}

	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
