package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.tenant.TenantService;

/**
 * The newsroom in a real browser against the demo. A three-step site: its admin chooses three steps, a writer
 * writes in the rich-text editor and submits, an editor approves and is offered no publish button, a second
 * editor (the redaktur) publishes; the post page says "terbit", its history names all three, and a signed-out
 * reader finds the post on the portal. A one-step site: its admin publishes a draft directly. One browser, one
 * profile; people change by signing out and in. Browser requirements as in {@link BrowserJourneyTest}.
 */
class NewsroomBrowserTest {
    private static final String PASSWORD = "Rapat-Redaksi-Mingguan-2026";

    private Launch demo;
    private ChromeDriver browser;
    private WebDriverWait wait;

    /** When a step fails, what the browser showed at that moment, in target/newsroom-browser/. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> Browsers.keepEvidence(browser, "newsroom-browser", context.getRequiredTestMethod().getName()));

    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("newsroom test");
        demo = Launch.start("demo", data, Map.of());
        ChromeOptions options = Browsers.options(profile);
        browser = Browsers.open(options);
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
    void writerEditorAndRedakturPublishOnAThreeStepSiteAndAnAdminPublishesAloneOnAOneStepSite() {
        Map<String, String> signIns = Launch.demoSignIns(demo.dataDir);
        List<String> agencyAdmins = signIns.keySet().stream().filter(u -> u.startsWith("admin.")).limit(2).toList();
        assertThat(agencyAdmins).as("the demo has two agency sites").hasSize(2);
        String threeStepAdmin = agencyAdmins.get(0);
        String threeStep = threeStepAdmin.substring("admin.".length());
        String oneStepAdmin = agencyAdmins.get(1);
        String oneStep = oneStepAdmin.substring("admin.".length());

        // The newsroom's people, made the way Kominfo's tools make them (the console's team page is tested elsewhere).
        var context = demo.running.context();
        Actor setup = Actor.system("newsroom-browser-test");
        var site = context.getBean(TenantService.class).get(setup, threeStep).id();
        AccountService accounts = context.getBean(AccountService.class);
        accounts.createMember(setup, site, new NewAccount("penulis.alur", "Rina Penulis", null, PASSWORD), Role.WRITER, false);
        accounts.createMember(setup, site, new NewAccount("editor.alur", "Budi Editor", null, PASSWORD), Role.EDITOR, false);
        accounts.createMember(setup, site, new NewAccount("redaktur.alur", "Sari Redaktur", null, PASSWORD), Role.EDITOR, false);

        // The site admin chooses three steps.
        signIn(threeStepAdmin, signIns.get(threeStepAdmin));
        browser.get(demo.uri("/admin/t/" + threeStep + "/alur").toString());
        wait.until(elementToBeClickable(By.id("steps-3"))).click();
        browser.findElement(By.id("workflow-settings-submit")).click();
        wait.until(presenceOfElementLocated(By.id("settings-notice")));
        assertThat(browser.findElement(By.id("steps-3")).isSelected()).isTrue();
        signOut();

        // The writer writes in the rich-text editor, saves a draft, and submits it; no publish button for them.
        signIn("penulis.alur", PASSWORD);
        browser.get(demo.uri("/admin/t/" + threeStep).toString());
        WebElement editor = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));
        String title = "Posyandu Keliling Menjangkau Desa Terpencil";
        browser.findElement(By.id("title")).sendKeys(title);
        editor.click();
        editor.sendKeys("Petugas kesehatan mengunjungi tiga dusun pekan ini.");
        browser.findElement(By.id("post-save")).click();
        wait.until(urlContains("saved="));
        String postPage = "/admin/t/" + threeStep + "/berita/" + browser.getCurrentUrl().replaceAll(".*saved=(\\d+).*", "$1");
        openPostPage(postPage);
        assertThat(status()).isEqualTo("draf");
        assertThat(browser.findElements(By.id("event-publish"))).isEmpty();
        takeStep("submit");
        assertThat(status()).isEqualTo("dalam tinjauan");
        signOut();

        // The editor approves; before and after, they are offered no publish button (they approved it).
        signIn("editor.alur", PASSWORD);
        openPostPage(postPage);
        assertThat(browser.findElements(By.id("event-publish"))).isEmpty();
        takeStep("approve");
        assertThat(status()).isEqualTo("disetujui");
        assertThat(browser.findElements(By.id("event-publish"))).as("the approver may not also publish").isEmpty();
        signOut();

        // The redaktur, who neither wrote nor approved it, publishes.
        signIn("redaktur.alur", PASSWORD);
        openPostPage(postPage);
        takeStep("publish");
        assertThat(status()).isEqualTo("terbit");
        String history = browser.findElement(By.id("workflow-history")).getText();
        assertThat(history).contains("Rina Penulis", "Budi Editor", "Sari Redaktur");
        String publicLink = browser.findElement(By.cssSelector("#post-status ~ a"))
                .getAttribute("href");
        signOut();

        // A reader, signed out, finds it on the site's portal page and reads it.
        browser.get(demo.uri("/" + threeStep).toString());
        wait.until(presenceOfElementLocated(By.linkText(title))).click();
        wait.until(urlContains("/" + threeStep + "/berita/"));
        assertThat(browser.getCurrentUrl()).isEqualTo(publicLink);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains(title, "Petugas kesehatan mengunjungi tiga dusun pekan ini.");

        // A one-step site (the default): its admin saves a draft and publishes it alone.
        signIn(oneStepAdmin, signIns.get(oneStepAdmin));
        browser.get(demo.uri("/admin/t/" + oneStep).toString());
        editor = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));
        String oneStepTitle = "Jadwal Pelayanan Keliling Bulan Depan";
        browser.findElement(By.id("title")).sendKeys(oneStepTitle);
        editor.click();
        editor.sendKeys("Pelayanan keliling hadir di setiap kecamatan.");
        browser.findElement(By.id("post-save")).click();
        wait.until(urlContains("saved="));
        String oneStepPage = "/admin/t/" + oneStep + "/berita/" + browser.getCurrentUrl().replaceAll(".*saved=(\\d+).*", "$1");
        openPostPage(oneStepPage);
        assertThat(status()).isEqualTo("draf");
        assertThat(browser.findElements(By.id("event-approve"))).as("approval is a step only on three-step sites").isEmpty();
        takeStep("publish");
        assertThat(status()).isEqualTo("terbit");
        assertThat(browser.findElement(By.id("workflow-history")).getText()).contains("terbit");
        signOut();
        browser.get(demo.uri("/" + oneStep).toString());
        assertThat(wait.until(presenceOfElementLocated(By.linkText(oneStepTitle))).isDisplayed()).isTrue();
    }

    private void signIn(String username, String password) {
        Browsers.signIn(browser, demo, username, password);
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        wait.until(urlContains("/admin/login"));
        wait.until(presenceOfElementLocated(By.id("username")));
    }

    private void openPostPage(String path) {
        browser.get(demo.uri(path).toString());
        wait.until(presenceOfElementLocated(By.id("post-status")));
    }

    /** Presses the step's button and waits for the page that says it was done. */
    private void takeStep(String event) {
        wait.until(elementToBeClickable(By.id("event-" + event))).click();
        wait.until(presenceOfElementLocated(By.id("step-notice")));
    }

    private String status() {
        return browser.findElement(By.id("post-status")).getText().trim();
    }



}
