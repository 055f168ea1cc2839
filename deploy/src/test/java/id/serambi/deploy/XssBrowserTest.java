package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostService;
import id.serambi.core.support.InvalidInputException;

/**
 * The XSS corpus ({@code platform-core/src/test/resources/security/xss-corpus.txt}) in a real browser: every
 * payload is saved as the title, summary and body of a published post, and the pages that show them (each
 * post's portal page, the agency's portal page, the portal home, and the console's page of the agency) are
 * opened in headless Chromium; no payload may run (it would set {@code window.__xss} or open an alert).
 *
 * <p>Our pages send a Content-Security-Policy that forbids inline scripts (the portal allows no script at
 * all), which alone would stop most payloads. So that this test proves the escaping of titles and the
 * sanitising of bodies, and not only CSP, the browser is told to bypass CSP (DevTools Page.setBypassCSP), and
 * a control payload injected into a page proves that the bypass is on and that detection works. What passes
 * here is therefore safe twice over: escaped/sanitised, and behind CSP in production.
 */
class XssBrowserTest {
    /** As many posts as the agency page and the portal home list, so each batch is seen whole on them. */
    private static final int BATCH = 20;

    private Launch demo;
    private ChromeDriver browser;

    @BeforeEach
    void startTheDemoAndABrowser(@TempDir Path data, @TempDir Path profile) {
        Browsers.require("XSS test");
        demo = Launch.start("demo", data, Map.of());
        ChromeOptions options = Browsers.options(profile);
        // An alert must stay open for us to see it, not be dismissed by the driver.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        browser = Browsers.open(options);
        browser.executeCdpCommand("Page.enable", Map.of());
        browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
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
    void noPayloadOfTheCorpusRunsOnThePortalOrInTheConsole() throws IOException {
        List<String> payloads = corpus();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
        Map.Entry<String, String> agencyAdmin = Launch.demoSignIns(demo.dataDir).entrySet().stream()
                .filter(e -> e.getKey().startsWith("admin.")).findFirst().orElseThrow();
        String slug = agencyAdmin.getKey().substring("admin.".length());
        var context = demo.running.context();
        AccountService accounts = context.getBean(AccountService.class);
        SessionService sessions = context.getBean(SessionService.class);
        PostService posts = context.getBean(PostService.class);
        var signedIn = (LoginResult.SignedIn) accounts.authenticate(agencyAdmin.getKey(), agencyAdmin.getValue(),
                "127.0.0.1", "xss-test");
        String token = sessions.open(signedIn.account(), "127.0.0.1", "xss-test");
        Actor admin = sessions.actorFor(token, "127.0.0.1", "xss-test").orElseThrow();

        browser.get(demo.uri("/" + slug).toString());
        proveDetectionWorksWithCspBypassed();
        browser.manage().addCookie(new Cookie("serambi_session", token, "/"));

        List<String> refused = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (int from = 0; from < payloads.size(); from += BATCH) {
            Map<String, String> postPaths = new java.util.LinkedHashMap<>();
            List<String> consolePaths = new ArrayList<>();
            for (String payload : payloads.subList(from, Math.min(payloads.size(), from + BATCH))) {
                try {
                    Post draft = posts.createDraft(admin, slug, new PostDraft(cut(payload, 200), cut(payload, 500),
                            payload, null));
                    Post post = posts.publish(admin, slug, draft.id(), "Uji XSS: data uji, bukan data pribadi.");
                    // A second revision, so the payload also stands in the edit form, the revision list, the
                    // side-by-side comparison and the portal's meta description.
                    post = posts.update(admin, slug, post.id(), new PostEdit(cut(payload, 200), post.slug(),
                            cut(payload, 500), payload + "<p>diubah</p>", null, cut(payload, 300),
                            "Uji XSS: data uji, bukan data pribadi."));
                    postPaths.put("/" + slug + "/berita/" + post.slug(), post.title());
                    String console = "/admin/t/" + slug + "/berita/" + post.id().value();
                    consolePaths.addAll(List.of(console + "/ubah", console + "/revisi", console + "/revisi/banding?dari=1&ke=2"));
                } catch (InvalidInputException e) {
                    refused.add(payload + " → " + e.errors());
                }
            }
            // The batch's titles and summaries on the lists, then each post on its own page.
            check("/", ran);
            check("/" + slug, ran);
            check("/admin/t/" + slug, ran);
            consolePaths.forEach(path -> check(path, ran));
            postPaths.forEach((path, title) -> {
                check(path, ran);
                // The page is the post (not a 404), and its heading shows the title as the text it was typed as.
                if (!alertOpen()) {
                    assertThat(browser.executeScript("const h = document.querySelector('article.post h1, h1');"
                            + "return h ? h.textContent.trim() : null;")).as("heading of %s", path).isEqualTo(title.strip());
                }
            });
        }
        assertThat(refused).as("payloads the platform refused to save or publish").isEmpty();
        assertThat(ran).as("pages where a payload ran").isEmpty();
    }

    /** Opens a page, lets its event loop settle, and notes the page when an alert opened or __xss was set. */
    private void check(String path, List<String> ran) {
        browser.get(demo.uri(path).toString());
        new WebDriverWait(browser, Browsers.PATIENCE).until(d -> alertOpen()
                || "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (!alertOpen()) {
            // Two turns of the page's own event loop (a timer, an animation frame, a timer) so that handlers
            // queued by loading (onerror, onfocus, ontoggle, animations) have had their chance to run.
            Object marker = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "setTimeout(() => requestAnimationFrame(() => setTimeout(() => done(String(window.__xss)), 50)), 0);");
            if (!"undefined".equals(marker)) {
                ran.add(path + " set window.__xss=" + marker);
            }
        }
        if (alertOpen()) {
            ran.add(path + " opened an alert: " + browser.switchTo().alert().getText());
            browser.switchTo().alert().dismiss();
        }
    }

    private boolean alertOpen() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** With CSP bypassed, an inline handler does run and is seen; without the bypass this would stay unset. */
    private void proveDetectionWorksWithCspBypassed() {
        Object marker = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "document.body.insertAdjacentHTML('beforeend', '<img src=\"/tidak-ada.png\" onerror=\"window.__xss=1\">');"
                + "const wait = (n) => window.__xss || n === 0 ? done(String(window.__xss)) : setTimeout(() => wait(n - 1), 50);"
                + "wait(100);");
        assertThat(marker).as("control payload (CSP bypass on, detection works)").isEqualTo("1");
        browser.executeScript("setTimeout(() => alert('kontrol'), 0)");
        new WebDriverWait(browser, Browsers.PATIENCE).until(d -> alertOpen());
        browser.switchTo().alert().dismiss();
    }

    private static String cut(String payload, int max) {
        String stripped = payload.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    static List<String> corpus() throws IOException {
        Path file = Path.of("..", "platform-core", "src", "test", "resources", "security", "xss-corpus.txt");
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.equals("#") && !line.startsWith("# "))
                    .toList();
        }
    }


}
