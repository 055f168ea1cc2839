package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen reading the demo district in a real browser, on a phone-sized and on a desktop window: the home
 * with its headlines and agency directory, an agency's site and its menu, a post page. On each page: what the
 * reader sees, no sideways scrolling on the phone, the CSP still forbidding script, and axe-core finding no
 * serious or critical WCAG 2.1 A/AA violation. Browser requirements as in {@link BrowserJourneyTest}.
 */
class ReaderBrowserTest {
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1366, 900);

    private Launch demo;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> Browsers.keepEvidence(browser, "reader-browser", context.getRequiredTestMethod().getName()));

    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("reader test");
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
            if (demo != null) {
                demo.close();
            }
        }
    }

    @Test
    void a_reader_on_a_phone_reads_the_home_an_agency_site_and_a_post() {
        read(PHONE);
    }

    @Test
    void a_reader_on_a_desktop_reads_the_home_an_agency_site_and_a_post() {
        read(DESKTOP);
    }

    @Test
    void the_demo_home_is_light_without_images_and_the_reader_pages_answer() {
        Launch.Reply home = demo.get("/");
        int html = home.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int css = demo.get("/assets/portal.css").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        org.slf4j.LoggerFactory.getLogger(ReaderBrowserTest.class).info("Demo home: {} bytes of HTML + {} bytes of CSS", html, css);
        assertThat(html + css).isLessThan(100_000);
        assertThat(home.body()).doesNotContain("<script");
        for (String path : List.of("/dinkes/dokumen", "/dinkes/galeri", "/dinkes/galeri/galeri-peringatan-hari-kesehatan-nasional",
                "/dinkes/halaman/visi-dan-misi", "/arsip", "/berita?halaman=2", "/kategori/kesehatan")) {
            assertThat(demo.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(demo.get("/berita?halaman=nol").status()).isEqualTo(400);
    }

    private void read(Dimension window) {
        browser.manage().window().setSize(window);

        // The district home: pinned headlines, the latest news, the directory of agencies.
        browser.get(demo.uri("/").toString());
        WebElement headlines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headlines")));
        assertThat(headlines.findElement(By.tagName("h2")).getText()).isEqualTo("Berita utama");
        List<WebElement> headlineLinks = headlines.findElements(By.cssSelector("h3 a"));
        assertThat(headlineLinks).isNotEmpty();
        assertThat(headlineLinks.get(0).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("latest-posts")).findElements(By.cssSelector("article h3 a"))).hasSizeGreaterThan(5);
        assertThat(browser.findElement(By.id("agencies")).getText()).contains("Dinas Kesehatan", "Layanan pengaduan");
        checkPage();

        // An agency's site from the directory: its own name on top, its menu of pages.
        browser.findElement(By.id("agencies")).findElement(By.linkText("Dinas Kesehatan")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agency-name"), "Dinas Kesehatan"));
        assertThat(browser.getCurrentUrl()).endsWith("/dinkes");
        checkPage();
        WebElement menuPage = browser.findElement(By.id("site-menu")).findElement(By.linkText("Profil"));
        assertThat(menuPage.isDisplayed()).isTrue();
        menuPage.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#post h1"), "Profil"));
        assertThat(browser.findElement(By.id("agency-name")).getText()).isEqualTo("Dinas Kesehatan");
        checkPage();

        // A post: back to the agency's home through the menu, then its newest news.
        browser.findElement(By.id("site-menu")).findElement(By.linkText("Beranda")).click();
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#agency-posts article h3 a")));
        String title = first.getText();
        first.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#post h1"), title));
        WebElement date = browser.findElement(By.id("post-date"));
        assertThat(date.getText()).matches("\\d{1,2} \\p{L}+ \\d{4}");
        assertThat(date.getAttribute("datetime")).isNotBlank();
        assertThat(browser.findElement(By.id("post-meta")).getText()).contains("Dinas Kesehatan", "Terbit");
        assertThat(browser.getCurrentUrl()).contains("/dinkes/berita/");
        checkPage();

        // The control: axe does see a violation when there is one (an image without any text alternative).
        js().executeScript("const i = document.createElement('img'); i.src = '/dinkes/logo'; document.querySelector('main').append(i);");
        assertThat(Axe.check(browser)).extracting(v -> v.get("id")).contains("image-alt");
    }

    private JavascriptExecutor js() {
        return browser;
    }

    /** What holds on every reader page: no sideways scrolling, no script ran or may run, axe finds nothing serious. */
    private void checkPage() {
        JavascriptExecutor js = browser;
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth;");
        assertThat(scrollWidth.intValue()).as("horizontal overflow on " + browser.getCurrentUrl()).isLessThanOrEqualTo(innerWidth.intValue());
        // The page's own scripts: only JSON-LD data blocks, never executable script.
        assertThat(browser.findElements(By.cssSelector("script:not([type='application/ld+json'])"))).isEmpty();
        Axe.assertNoSeriousViolations(browser);
    }
}
