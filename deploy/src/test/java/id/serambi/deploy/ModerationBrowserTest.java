package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.serambi.core.account.Totp;

/**
 * Issue 5 in a real browser against the demo. The Bupati (a coordinator) filters the review stream to one
 * agency, flags a post with a note and sends that agency a disposition; the agency's admin, in a second browser,
 * acknowledges and answers it; the Bupati reads the answer. Then Kominfo's admin finds the pre-moderated
 * agency's waiting post absent from the portal home, approves it from the moderation queue with a reason, and
 * it appears there. Kominfo's people and coordinators enrol an authenticator at their first sign-in.
 */
class ModerationBrowserTest {
    private Launch demo;
    private ChromeDriver coordinatorBrowser;
    private ChromeDriver agencyBrowser;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException().ifPresent(failure -> {
        Browsers.keepEvidence(coordinatorBrowser, "moderation-browser", context.getRequiredTestMethod().getName() + "-coordinator");
        Browsers.keepEvidence(agencyBrowser, "moderation-browser", context.getRequiredTestMethod().getName() + "-agency");
    });

    @BeforeEach
    void startTheDemoAndTwoBrowsers(@TempDir Path data, @TempDir Path coordinatorProfile, @TempDir Path agencyProfile) {
        Browsers.require("moderation test");
        demo = Launch.start("demo", data, Map.of());
        coordinatorBrowser = Browsers.open(coordinatorProfile);
        agencyBrowser = Browsers.open(agencyProfile);
    }

    @AfterEach
    void stopThem() {
        try {
            for (ChromeDriver browser : new ChromeDriver[] {coordinatorBrowser, agencyBrowser}) {
                if (browser != null) {
                    browser.quit();
                }
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    @Test
    void aCoordinatorFlagsAPostAndADispositionIsAnsweredAndKominfoApprovesAWaitingPost() {
        Map<String, String> signIns = Launch.demoSignIns(demo.dataDir);
        String agency = "kec-sukamaju";
        String agencyAdmin = "admin." + agency;
        String waitingTitle = "Gotong Royong Bersih Desa Sukamaju";
        ChromeDriver bupati = coordinatorBrowser;
        WebDriverWait bupatiWait = new WebDriverWait(bupati, Browsers.PATIENCE);

        // The Bupati filters the review stream to the sub-district office and flags its newest post with a note.
        signInAndEnrol(bupati, "bupati", signIns.get("bupati"));
        bupati.get(demo.uri("/admin/tinjauan-berita").toString());
        new Select(bupatiWait.until(presenceOfElementLocated(By.id("agency")))).selectByValue(agency);
        bupati.findElement(By.id("stream-filter-submit")).click();
        bupatiWait.until(urlContains("agency=" + agency));
        WebElement first = bupatiWait.until(presenceOfElementLocated(By.cssSelector("#stream li.stream-item")));
        assertThat(bupati.findElement(By.id("stream")).getText()).contains(waitingTitle);
        String postId = first.getAttribute("id").substring("post-".length());
        first.findElement(By.tagName("summary")).click();
        new Select(bupati.findElement(By.id("mark-" + postId))).selectByValue("flagged");
        bupati.findElement(By.id("note-" + postId)).sendKeys("Mohon periksa foto warga di berita ini.");
        bupati.findElement(By.id("mark-submit-" + postId)).click();
        bupatiWait.until(presenceOfElementLocated(By.id("marked-notice")));
        assertThat(bupati.findElement(By.id("post-" + postId)).getText()).contains("Mohon periksa foto warga di berita ini.");

        // ... and sends the office a disposition.
        bupati.get(demo.uri("/admin/disposisi").toString());
        new Select(bupatiWait.until(presenceOfElementLocated(By.id("agency")))).selectByValue(agency);
        bupati.findElement(By.id("subject")).sendKeys("Data posko banjir");
        bupati.findElement(By.id("body")).sendKeys("Kirim daftar posko banjir dan penanggung jawabnya.");
        ((JavascriptExecutor) bupati).executeScript("arguments[0].value = arguments[1]", bupati.findElement(By.id("dueOn")),
                LocalDate.now().plusDays(5).toString());
        bupati.findElement(By.id("disposition-send")).click();
        bupatiWait.until(urlContains("terkirim="));
        String dispositionPage = "/admin/t/" + agency + "/disposisi/" + bupati.getCurrentUrl().replaceAll(".*terkirim=(\\d+).*", "$1");

        // The office's admin acknowledges and answers it.
        WebDriverWait agencyWait = new WebDriverWait(agencyBrowser, Browsers.PATIENCE);
        Browsers.signIn(agencyBrowser, demo, agencyAdmin, signIns.get(agencyAdmin));
        agencyBrowser.get(demo.uri(dispositionPage).toString());
        assertThat(agencyWait.until(presenceOfElementLocated(By.id("disposition-body"))).getText())
                .contains("Kirim daftar posko banjir");
        agencyWait.until(elementToBeClickable(By.id("step-acknowledge"))).click();
        agencyWait.until(presenceOfElementLocated(By.id("answer"))).sendKeys("Ada 4 posko; daftar terlampir di kantor kecamatan.");
        agencyBrowser.findElement(By.id("step-answer")).click();
        agencyWait.until(presenceOfElementLocated(By.id("disposition-answer")));

        // The Bupati sees the answer.
        bupati.get(demo.uri(dispositionPage).toString());
        assertThat(bupatiWait.until(presenceOfElementLocated(By.id("disposition-answer"))).getText())
                .contains("Ada 4 posko; daftar terlampir di kantor kecamatan.");
        assertThat(bupati.findElement(By.id("disposition-state")).getText()).isEqualTo("Dijawab");

        // Kominfo: the waiting post is not on the portal home; approved from the queue with a reason, it is.
        agencyBrowser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        agencyWait.until(urlContains("/admin/login"));
        agencyBrowser.get(demo.uri("/").toString());
        assertThat(agencyBrowser.getPageSource()).doesNotContain(waitingTitle);
        signInAndEnrol(agencyBrowser, "admin", signIns.get("admin"));
        agencyBrowser.get(demo.uri("/admin/moderasi").toString());
        WebElement row = agencyWait.until(presenceOfElementLocated(
                By.xpath("//table[@id='waiting-list']//tr[.//a[normalize-space()='" + waitingTitle + "']]")));
        assertThat(agencyBrowser.findElement(By.id("flag-list")).getText()).contains("Mohon periksa foto warga di berita ini.");
        row.findElement(By.name("reason")).sendKeys("Isi sesuai pedoman; foto sudah berizin.");
        row.findElement(By.cssSelector("button[value=approve]")).click();
        agencyWait.until(presenceOfElementLocated(By.id("moderation-done")));
        agencyWait.withMessage("the approved post to appear on the portal home").until(d -> {
            d.get(demo.uri("/").toString());
            return d.getPageSource().contains(waitingTitle);
        });
    }

    @Test
    void aCoordinatorOnAPhoneWalksTheReviewStreamMarksAPostAndSendsADisposition() {
        Map<String, String> signIns = Launch.demoSignIns(demo.dataDir);
        String agency = "kec-sukamaju";
        ChromeDriver phone = coordinatorBrowser;
        phone.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = new WebDriverWait(phone, Browsers.PATIENCE);

        signInAndEnrol(phone, "bupati", signIns.get("bupati"));
        phone.get(demo.uri("/admin/tinjauan-berita").toString());
        WebElement agencies = wait.until(presenceOfElementLocated(By.id("agency")));
        noSidewaysScroll(phone);
        new Select(agencies).selectByValue(agency);
        phone.findElement(By.id("stream-filter-submit")).click();
        wait.until(urlContains("agency=" + agency));
        WebElement first = wait.until(presenceOfElementLocated(By.cssSelector("#stream li.stream-item")));
        noSidewaysScroll(phone);
        String postId = first.getAttribute("id").substring("post-".length());
        first.findElement(By.tagName("summary")).click();
        WebElement mark = phone.findElement(By.id("mark-" + postId));
        assertThat(mark.isDisplayed()).isTrue();
        new Select(mark).selectByValue("commended");
        phone.findElement(By.id("note-" + postId)).sendKeys("Informatif dan lengkap.");
        WebElement submit = phone.findElement(By.id("mark-submit-" + postId));
        assertThat(submit.getRect().getX() + submit.getRect().getWidth()).as("the mark button fits the screen")
                .isLessThanOrEqualTo(390);
        submit.click();
        wait.until(presenceOfElementLocated(By.id("marked-notice")));
        assertThat(phone.findElement(By.id("post-" + postId)).getText()).contains("Informatif dan lengkap.");
        noSidewaysScroll(phone);

        phone.get(demo.uri("/admin/disposisi").toString());
        new Select(wait.until(presenceOfElementLocated(By.id("agency")))).selectByValue(agency);
        noSidewaysScroll(phone);
        phone.findElement(By.id("subject")).sendKeys("Foto kegiatan");
        phone.findElement(By.id("body")).sendKeys("Kirim foto kegiatan gotong royong minggu ini.");
        ((JavascriptExecutor) phone).executeScript("arguments[0].value = arguments[1]", phone.findElement(By.id("dueOn")),
                LocalDate.now().plusDays(3).toString());
        phone.findElement(By.id("disposition-send")).click();
        wait.until(urlContains("terkirim="));
        noSidewaysScroll(phone);
        String id = phone.getCurrentUrl().replaceAll(".*terkirim=(\\d+).*", "$1");
        phone.get(demo.uri("/admin/t/" + agency + "/disposisi/" + id).toString());
        assertThat(wait.until(presenceOfElementLocated(By.id("disposition-body"))).getText())
                .contains("Kirim foto kegiatan gotong royong minggu ini.");
        assertThat(phone.findElement(By.id("disposition-state")).getText()).isEqualTo("Terkirim");
        noSidewaysScroll(phone);
    }

    private static void noSidewaysScroll(ChromeDriver browser) {
        JavascriptExecutor js = browser;
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth;");
        assertThat(scrollWidth.intValue()).as("horizontal overflow on " + browser.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth.intValue());
    }

    /** A Kominfo or coordinator account's first sign-in: enrol an authenticator by its key. */
    private void signInAndEnrol(ChromeDriver browser, String username, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Browsers.PATIENCE);
        Browsers.signIn(browser, demo, username, password);
        wait.until(urlContains("/admin/2fa"));
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(java.time.Instant.now())));
        browser.findElement(By.id("second-factor-submit")).click();
        wait.until(presenceOfElementLocated(By.id("recovery-continue"))).click();
        wait.until(d -> !d.getCurrentUrl().contains("/admin/2fa"));
    }
}
