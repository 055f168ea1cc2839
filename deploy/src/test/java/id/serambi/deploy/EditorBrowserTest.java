package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.tenant.TenantService;

/**
 * A writer formats a post in the rich-text editor (bold, a bulleted list), saves it, and the post page shows
 * the formatting; the editor runs under the console's CSP (script-src 'self' + nonce, no 'unsafe-inline')
 * without a single violation in the browser's console log. Browser requirements as in {@link BrowserJourneyTest}.
 */
class EditorBrowserTest {

    private Launch demo;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("editor test");
        demo = Launch.start("demo", data, Map.of());
        ChromeOptions options = Browsers.options(profile);
        // The browser's console log, where Chromium reports every Content-Security-Policy violation.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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
    void aWriterFormatsABodyInTheEditorAndThePostPageShowsTheFormattingWithoutCspViolations() {
        String agencyAdmin = Launch.demoSignIns(demo.dataDir).keySet().stream().filter(u -> u.startsWith("admin."))
                .findFirst().orElseThrow();
        String slug = agencyAdmin.substring("admin.".length());
        var context = demo.running.context();
        Actor setup = Actor.system("editor-test");
        context.getBean(AccountService.class).createMember(setup, context.getBean(TenantService.class).get(setup, slug).id(),
                new NewAccount("penulis.editor", "Penulis Editor", null, "Rapat-Koordinasi-Desa-2026"), Role.WRITER, false);

        browser.get(demo.uri("/admin/login").toString());
        wait.until(elementToBeClickable(By.id("login-submit")));
        browser.findElement(By.id("username")).sendKeys("penulis.editor");
        browser.findElement(By.id("password")).sendKeys("Rapat-Koordinasi-Desa-2026");
        browser.findElement(By.id("login-submit")).click();
        wait.until(urlContains("/admin/t/" + slug));

        // The script replaced the plain field with the editor: its toolbar is there, the textarea hidden.
        WebElement editor = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));
        assertThat(browser.findElement(By.cssSelector(".ql-toolbar .ql-bold")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("bodyHtml")).isDisplayed()).isFalse();

        browser.findElement(By.id("title")).sendKeys("Musyawarah Desa Digital");
        editor.click();
        editor.sendKeys("Warga membahas ");
        browser.findElement(By.cssSelector(".ql-toolbar .ql-bold")).click();
        editor.sendKeys("anggaran desa");
        browser.findElement(By.cssSelector(".ql-toolbar .ql-bold")).click();
        editor.sendKeys(" secara terbuka." + Keys.ENTER);
        browser.findElement(By.cssSelector(".ql-toolbar .ql-list[value='bullet']")).click();
        editor.sendKeys("Jalan desa" + Keys.ENTER + "Air bersih");
        browser.findElement(By.id("post-save")).click();
        wait.until(urlContains("saved="));

        String id = browser.getCurrentUrl().replaceAll(".*saved=(\\d+).*", "$1");
        browser.get(demo.uri("/admin/t/" + slug + "/berita/" + id).toString());
        WebElement preview = wait.until(presenceOfElementLocated(By.cssSelector(".preview")));
        assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("anggaran desa");
        assertThat(preview.findElements(By.cssSelector("ul li"))).extracting(WebElement::getText)
                .containsExactly("Jalan desa", "Air bersih");
        assertThat(preview.getText()).contains("Warga membahas anggaran desa secara terbuka.");

        // Back on the form page once more, so its log is read too, then no CSP report anywhere.
        browser.get(demo.uri("/admin/t/" + slug).toString());
        wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));

        // Word's clipboard HTML through the editor's own clipboard: no stray bullets, o:p marks or styles remain.
        String word;
        try {
            word = java.nio.file.Files.readString(java.nio.file.Path.of("..", "platform-core", "src", "test", "resources",
                    "safety", "word-paste.html"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String pasted = (String) browser.executeScript("const quill = document.querySelector('#bodyHtml-editor').__quill;"
                + "quill.setContents([]); quill.clipboard.dangerouslyPasteHTML(0, arguments[0]); return quill.root.innerHTML;", word);
        assertThat(pasted).contains("<strong>KETAPANG</strong>", "<em>Tim Percepatan Penurunan Stunting</em>",
                "Pendataan balita di 20 desa", "Pemberian makanan tambahan", "dinkes.ketapangkab.go.id")
                .doesNotContain("·", "o:p", "mso", "Mso", "style=", "[if", "endif", "Font Definitions");
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertThat(violations).as("CSP violations in the browser's console").isEmpty();
    }



    /**
     * The media picker with the keyboard only: Enter on "insert from the media library" lists the site's images
     * with the first one focused, Escape closes it and returns to the button, Enter on an image inserts it with
     * its alt text; the saved body keeps the library address. No CSP violation.
     */
    @Test
    void aWriterInsertsALibraryImageWithTheKeyboard() {
        String agencyAdmin = Launch.demoSignIns(demo.dataDir).keySet().stream().filter(u -> u.startsWith("admin."))
                .findFirst().orElseThrow();
        String slug = agencyAdmin.substring("admin.".length());
        var context = demo.running.context();
        Actor setup = Actor.system("editor-test");
        var tenant = context.getBean(TenantService.class).get(setup, slug);
        context.getBean(AccountService.class).createMember(setup, tenant.id(),
                new NewAccount("penulis.gambar", "Penulis Gambar", null, "Rapat-Koordinasi-Desa-2026"), Role.WRITER, false);
        Actor writer = Actor.system("editor-test");
        var photo = context.getBean(id.serambi.core.media.MediaService.class).upload(writer, slug, "balai-desa.png",
                new java.io.ByteArrayInputStream(id.serambi.core.media.SampleFiles.png(1200, 800, false)), "Balai desa yang baru");

        browser.get(demo.uri("/admin/login").toString());
        wait.until(elementToBeClickable(By.id("login-submit")));
        browser.findElement(By.id("username")).sendKeys("penulis.gambar");
        browser.findElement(By.id("password")).sendKeys("Rapat-Koordinasi-Desa-2026");
        browser.findElement(By.id("login-submit")).click();
        wait.until(urlContains("/admin/t/" + slug));

        WebElement editor = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor")));
        browser.findElement(By.id("title")).sendKeys("Balai Desa Baru");
        editor.click();
        editor.sendKeys("Balai desa diresmikan.");

        WebElement button = browser.findElement(By.id("bodyHtml-media-button"));
        WebElement picker = browser.findElement(By.id("bodyHtml-media-picker"));
        assertThat(button.isDisplayed()).isTrue();
        assertThat(picker.isDisplayed()).isFalse();
        button.sendKeys(Keys.ENTER);
        wait.until(d -> picker.isDisplayed());
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(
                browser.findElements(By.cssSelector("#bodyHtml-media-picker .media-choice")).get(0).getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !picker.isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("bodyHtml-media-button");

        button.sendKeys(Keys.ENTER);
        WebElement choice = wait.until(elementToBeClickable(By.id("pick-" + photo.id())));
        choice.sendKeys(Keys.ENTER);
        WebElement inserted = wait.until(presenceOfElementLocated(By.cssSelector("#bodyHtml-editor .ql-editor img")));
        assertThat(inserted.getAttribute("alt")).isEqualTo("Balai desa yang baru");
        assertThat(inserted.getAttribute("src")).endsWith("/" + slug + "/media/" + photo.id() + "/960");
        assertThat(picker.isDisplayed()).isFalse();

        browser.findElement(By.id("post-save")).click();
        wait.until(urlContains("saved="));
        long postId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*saved=(\\d+).*", "$1"));
        String body = context.getBean(id.serambi.core.post.PostService.class)
                .get(setup, slug, new id.serambi.core.post.PostId(postId)).bodyHtml();
        assertThat(body).contains("<img src=\"/" + slug + "/media/" + photo.id() + "/960\" alt=\"Balai desa yang baru\"");

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertThat(violations).as("CSP violations in the browser's console").isEmpty();
    }
}
