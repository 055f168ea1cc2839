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
 * A citizen searching the demo district in a real browser, on a phone-sized and on a desktop window: from the
 * header's search box on the portal home to ranked results with the words marked, into a result; within one
 * agency's site (whose header box searches only that agency); a misspelt word answered with a suggestion; and a
 * search that finds nothing. On each results page: no sideways scrolling on the phone, no script, and axe-core
 * finding no serious or critical WCAG 2.1 A/AA violation. Browser requirements as in {@link BrowserJourneyTest}.
 */
class SearchBrowserTest {
    private Launch demo;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> Browsers.keepEvidence(browser, "search-browser", context.getRequiredTestMethod().getName()));

    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("search test");
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
    void a_reader_on_a_phone_searches_the_portal_and_an_agency_site() {
        search(ReaderBrowserTest.PHONE);
    }

    @Test
    void a_reader_on_a_desktop_searches_the_portal_and_an_agency_site() {
        search(ReaderBrowserTest.DESKTOP);
    }

    private void search(Dimension window) {
        browser.manage().window().setSize(window);

        // From the portal home's header box: "posyandu" is in news of Dinkes and of Kecamatan Sukamaju.
        browser.get(demo.uri("/").toString());
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search")));
        box.sendKeys("posyandu");
        box.submit();
        WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertThat(browser.getCurrentUrl()).contains("/cari?q=posyandu");
        assertThat(browser.findElement(By.id("search-summary")).getText()).contains("posyandu");
        List<WebElement> hits = results.findElements(By.cssSelector("li.search-hit"));
        assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
        String portalHits = results.getText();
        assertThat(portalHits).contains("Dinas Kesehatan", "Kecamatan Sukamaju");
        // The reader's word is marked in the titles and snippets, whatever its case there.
        List<WebElement> marks = results.findElements(By.tagName("mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks).extracting(WebElement::getText).allMatch(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("posyandu"));
        assertThat(hits.get(0).findElement(By.cssSelector("h2 a")).findElements(By.tagName("mark"))).isNotEmpty();
        checkPage();

        // Opening a result reads the post.
        WebElement firstLink = hits.get(0).findElement(By.cssSelector("h2 a"));
        String title = firstLink.getText();
        firstLink.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#post h1"), title));
        assertThat(browser.getCurrentUrl()).contains("/berita/");

        // Within one agency's site, its header box searches only that agency.
        browser.get(demo.uri("/dinkes").toString());
        box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search")));
        box.sendKeys("posyandu");
        box.submit();
        results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertThat(browser.getCurrentUrl()).contains("/dinkes/cari?q=posyandu");
        assertThat(browser.findElement(By.cssSelector("#search h1")).getText()).contains("Dinas Kesehatan");
        assertThat(results.findElements(By.cssSelector("li.search-hit"))).isNotEmpty();
        assertThat(results.getText()).doesNotContain("Pembinaan Kader Posyandu");
        assertThat(results.findElements(By.cssSelector("h2 a"))).extracting(a -> a.getAttribute("href"))
                .allMatch(href -> href.contains("/dinkes/berita/"));
        checkPage();

        // A misspelt word: nothing matches exactly, and the suggestion leads to the results.
        browser.get(demo.uri("/").toString());
        box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search")));
        box.sendKeys("musrenbng");
        box.submit();
        WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-suggestion")));
        assertThat(suggestion.getText()).contains("Mungkin maksud Anda", "musrenbang");
        checkPage();
        suggestion.findElement(By.tagName("a")).click();
        results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertThat(results.getText()).containsIgnoringCase("Musrenbang Kecamatan");

        // Words no post has: a page that says so, offers the latest news, and passes the same checks.
        browser.get(demo.uri("/cari?q=" + "zzqxwv").toString());
        WebElement nothing = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-nothing")));
        assertThat(nothing.getText()).contains("zzqxwv");
        checkPage();
    }

    /** What holds on every reader page: no sideways scrolling, no script ran or may run, axe finds nothing serious. */
    private void checkPage() {
        JavascriptExecutor js = browser;
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth;");
        Object tooWide = js.executeScript("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ');");
        assertThat(scrollWidth.intValue()).as("horizontal overflow on " + browser.getCurrentUrl() + " by " + tooWide)
                .isLessThanOrEqualTo(innerWidth.intValue());
        assertThat(browser.findElements(By.cssSelector("script:not([type='application/ld+json'])"))).isEmpty();
        Axe.assertNoSeriousViolations(browser);
    }
}
