package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import id.serambi.core.account.Totp;
import id.serambi.core.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's way through the demo in a real browser: Kominfo's admin creates an agency site designating its
 * first admin by letter, the admin activates the account from the mail (read from a real SMTP server), writes
 * the first post, and a reader finds it on the district portal.
 *
 * <p>Runs headless Chromium with Debian's chromium and chromedriver (system properties
 * {@code serambi.browser.chromium} and {@code serambi.browser.chromedriver} name others). Without them the
 * test is skipped, unless the system property {@code serambi.browser.required} or the environment variable
 * {@code SERAMBI_BROWSER_REQUIRED} (set by {@code .ci/run}) is {@code true}: then a missing browser is a failure.
 */
class BrowserJourneyTest {

    private final MailServer smtp = new MailServer();
    private Launch demo;
    private WebDriver browser;
    private WebDriverWait wait;

    /** When the journey fails, what the browser showed at that moment, in target/browser-journey/. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> Browsers.keepEvidence(browser, "browser-journey", context.getRequiredTestMethod().getName()));

    // Before each test rather than all: a skip decided here is reported as a skipped test, with its reason.
    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("journey test");
        // The demo runs in this JVM; system properties point its mail at the test's SMTP server and send at once.
        smtp.start();
        smtp.properties().forEach(System::setProperty);
        System.setProperty("serambi.mail.enabled", "true");
        System.setProperty("serambi.mail.interval", "1s");
        demo = Launch.start("demo", data, Map.of());
        browser = Browsers.open(profile);
        wait = new WebDriverWait(browser, Browsers.PATIENCE);
    }


    @AfterEach
    void stopThem() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            try {
                if (demo != null) {
                    demo.close();
                }
            } finally {
                smtp.stop();
                smtp.properties().keySet().forEach(System::clearProperty);
                System.clearProperty("serambi.mail.enabled");
                System.clearProperty("serambi.mail.interval");
            }
        }
    }

    @Test
    void kominfoCreatesAnAgencySiteWhoseAdminPublishesTheFirstPostThatReadersThenFind(@TempDir Path letters) {
        String adminPassword = Launch.demoSignIns(demo.dataDir).get("admin");
        String title = "Uji Coba Jalur Bus Sekolah";

        // Kominfo's platform admin signs in: the first time, they enrol an authenticator app by its key
        // (here the test computes the app's code), keep the recovery codes, and go on to the console.
        signInAndEnrolAnAuthenticator("admin", adminPassword);

        // They create the site of the transport agency, designating its first admin by the agency head's letter
        // (with the scanned letter); the activation link goes by email. Nobody types a password for the admin.
        wait.until(presenceOfElementLocated(By.id("tenant-form")));
        WebElement form = browser.findElement(By.id("tenant-form"));
        form.findElement(By.name("name")).sendKeys("Dinas Perhubungan");
        form.findElement(By.name("slug")).sendKeys("dishub");
        new Select(form.findElement(By.name("kind"))).selectByValue("dinas");
        form.findElement(By.name("displayName")).sendKeys("Admin Dishub");
        form.findElement(By.name("username")).sendKeys("admin.dishub");
        form.findElement(By.name("email")).sendKeys("web@dishub.contoh.go.id");
        form.findElement(By.name("letterNumber")).sendKeys("800/45/DISHUB/2026");
        form.findElement(By.name("signerName")).sendKeys("Drs. Sutrisno");
        form.findElement(By.name("signerTitle")).sendKeys("Kepala Dinas Perhubungan");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]", form.findElement(By.name("letterDate")), "2026-01-05");
        form.findElement(By.name("letter")).sendKeys(scannedLetter(letters).toString());
        form.findElement(By.id("delivery-email")).click();
        browser.findElement(By.id("tenant-submit")).click();
        wait.until(textToBePresentInElementLocated(By.id("tenant-list"), "Dinas Perhubungan"));
        assertThat(browser.findElement(By.id("tenant-list")).getText()).contains("/dishub");

        // They sign out with the button in the top bar.
        browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        wait.until(urlContains("/admin/login"));
        wait.until(presenceOfElementLocated(By.id("username")));

        // The activation mail arrives; the new admin opens its link, chooses their own password, then signs in
        // and lands on their site's page, nothing published this week yet.
        assertThat(smtp.await(1, Browsers.PATIENCE)).as("the activation mail arrives").isTrue();
        var mail = smtp.messagesTo("web@dishub.contoh.go.id").get(0);
        assertThat(MailServer.subject(mail)).isEqualTo("Aktivasi akun Serambi Anda untuk Dinas Perhubungan");
        String token = MailServer.tokenIn(mail, "/admin/aktivasi/");
        browser.get(demo.uri("/admin/aktivasi/" + token).toString());
        wait.until(presenceOfElementLocated(By.id("choose-password-form")));
        browser.findElement(By.id("password")).sendKeys("Halte-Pelabuhan-Baru-88");
        browser.findElement(By.id("confirmation")).sendKeys("Halte-Pelabuhan-Baru-88");
        browser.findElement(By.id("choose-password-submit")).click();
        wait.until(presenceOfElementLocated(By.id("login-notice")));
        signIn("admin.dishub", "Halte-Pelabuhan-Baru-88");
        wait.until(urlContains("/admin/t/dishub"));
        wait.until(textToBe(By.id("quota-count"), "0 dari 2 minggu ini"));

        // They write and publish the first post; the quota counts it.
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("summary")).sendKeys("Dishub menguji rute bus sekolah baru selama dua pekan.");
        // The body is typed into the rich-text editor that enhances the bodyHtml field.
        WebElement body = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));
        body.click();
        body.sendKeys("Mulai Senin, bus sekolah melayani rute Terminal Kota ke Kecamatan Sukamaju setiap pagi.");
        browser.findElement(By.id("post-publish")).click();
        wait.until(textToBe(By.id("quota-count"), "1 dari 2 minggu ini"));
        assertThat(browser.findElement(By.id("published-notice")).isDisplayed()).isTrue();

        // A reader opens the district portal, finds the post among the latest news and reads it.
        browser.get(demo.uri("/").toString());
        wait.until(textToBePresentInElementLocated(By.id("latest-posts"), title));
        browser.findElement(By.id("latest-posts")).findElement(By.linkText(title)).click();
        wait.until(urlContains("/dishub/berita/"));
        wait.until(textToBe(By.tagName("h1"), title));
        WebElement post = browser.findElement(By.cssSelector("article.post"));
        assertThat(post.getText()).contains("Dinas Perhubungan")
                .contains("Mulai Senin, bus sekolah melayani rute Terminal Kota");
        assertThat(browser.getTitle()).isEqualTo(title + " · Dinas Perhubungan");
    }

    @Test
    void suspendingAnAgencyEndsItsAdminsOpenSessionAtOnceAndItsSiteShowsMaintenance(@TempDir Path otherProfile) {
        Map<String, String> signIns = Launch.demoSignIns(demo.dataDir);
        String agencyAdmin = signIns.keySet().stream().filter(u -> u.startsWith("admin.")).findFirst().orElseThrow();
        String slug = agencyAdmin.substring("admin.".length());

        // The agency's admin works in their own browser.
        WebDriver agencyBrowser = Browsers.open(otherProfile);
        try {
            WebDriver kominfoBrowser = browser;
            browser = agencyBrowser;
            signIn(agencyAdmin, signIns.get(agencyAdmin));
            new WebDriverWait(agencyBrowser, Browsers.PATIENCE).until(urlContains("/admin/t/" + slug));

            // Meanwhile Kominfo suspends the agency's site, giving the reason.
            browser = kominfoBrowser;
            signInAndEnrolAnAuthenticator("admin", signIns.get("admin"));
            browser.get(demo.uri("/admin/t/" + slug).toString());
            wait.until(presenceOfElementLocated(By.id("status-form")));
            browser.findElement(By.id("reason")).sendKeys("Situs diretas, menunggu pemulihan");
            browser.findElement(By.id("status-suspended")).click();
            wait.until(presenceOfElementLocated(By.id("status-notice")));

            // The agency admin's next click finds their session gone: back to the sign-in page.
            agencyBrowser.get(demo.uri("/admin/t/" + slug).toString());
            new WebDriverWait(agencyBrowser, Browsers.PATIENCE).until(urlContains("/admin/login"));
            // Signing in again is refused while the site is suspended.
            browser = agencyBrowser;
            browser.findElement(By.id("username")).sendKeys(agencyAdmin);
            browser.findElement(By.id("password")).sendKeys(signIns.get(agencyAdmin));
            browser.findElement(By.id("login-submit")).click();
            new WebDriverWait(agencyBrowser, Browsers.PATIENCE).until(presenceOfElementLocated(By.cssSelector("[role=alert]")));
            assertThat(agencyBrowser.getCurrentUrl()).contains("/admin/login");
            browser = kominfoBrowser;

            // Readers of the agency's site see a maintenance notice instead of its content.
            browser.get(demo.uri("/" + slug).toString());
            wait.until(textToBePresentInElementLocated(By.tagName("main"), "pemeliharaan"));
        } finally {
            agencyBrowser.quit();
        }
    }

    /** A Kominfo account's first sign-in: enrol an authenticator by its key (the test computes the app's code). */
    private void signInAndEnrolAnAuthenticator(String username, String password) {
        signIn(username, password);
        wait.until(urlContains("/admin/2fa"));
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        assertThat(browser.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
        browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(java.time.Instant.now())));
        browser.findElement(By.id("second-factor-submit")).click();
        wait.until(presenceOfElementLocated(By.id("recovery-codes")));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.findElement(By.id("recovery-continue")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/admin/2fa"));
    }

    /** A small PDF standing for the scanned designation letter. */
    private static Path scannedLetter(Path dir) {
        try {
            return Files.write(dir.resolve("surat-penunjukan.pdf"),
                    "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void signIn(String username, String password) {
        Browsers.signIn(browser, demo, username, password);
    }




}
