package id.serambi.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test shares: headless Chromium with Debian's chromium and chromedriver (system properties
 * {@code serambi.browser.chromium} and {@code serambi.browser.chromedriver} name others), the rule that a missing
 * browser skips the test unless {@code serambi.browser.required} or {@code SERAMBI_BROWSER_REQUIRED} (set by
 * {@code .ci/run}) says it must run, and the evidence kept when a test fails.
 */
final class Browsers {
    static final String CHROMIUM = System.getProperty("serambi.browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("serambi.browser.chromedriver", "/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(20);
    // Selenium warns at every start that it has no DevTools (CDP) support for this Chromium; nothing here needs it.
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private Browsers() {
    }

    /**
     * Skips the calling test, with the reason, when Chromium or chromedriver is missing; fails it instead where
     * a browser is required. Call it before anything else, so the skip is reported as such.
     */
    static void require(String test) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            missing.add("Chromium (" + CHROMIUM + ")");
        }
        if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
            missing.add("chromedriver (" + CHROMEDRIVER + ")");
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "No browser for the " + test + ": missing " + String.join(" and ", missing)
                + ". On Debian: apt-get install chromium chromium-driver.";
        if (Boolean.getBoolean("serambi.browser.required")
                || "true".equalsIgnoreCase(System.getenv("SERAMBI_BROWSER_REQUIRED"))) {
            Assertions.fail(reason + " (a browser is required here, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(false, reason);
    }

    /** Headless options with a profile of the test's own; a test adds what it needs before {@link #open}. */
    static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        return options;
    }

    static ChromeDriver open(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
    }

    static ChromeDriver open(Path profile) {
        return open(options(profile));
    }

    /** Signs in through the console's form and waits until the browser has left the sign-in page. */
    static void signIn(WebDriver browser, Launch demo, String username, String password) {
        browser.get(demo.uri("/admin/login").toString());
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, PATIENCE).withMessage("signing in as " + username + " to leave the sign-in page")
                .until(d -> !d.getCurrentUrl().contains("/admin/login"));
    }

    /** What the browser showed when a test failed, in target/{folder}/; a courtesy, so it never throws. */
    static void keepEvidence(WebDriver browser, String folder, String name) {
        if (browser == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", folder));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + browser.getCurrentUrl() + " -->\n"
                    + browser.getPageSource());
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // the failure itself is what matters
        }
    }
}
