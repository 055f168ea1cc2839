package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (MPL-2.0, vendored under {@code src/test/resources/axe/}) run in the real browser on the page it shows.
 * The pages' CSP allows no script, but WebDriver's own script execution is not page script and is not blocked
 * by it, so the page is checked exactly as readers get it, CSP on. Any page can be added: open it, then
 * {@link #assertNoSeriousViolations}.
 */
final class Axe {
    private static final String SOURCE = load();

    private Axe() {
    }

    /** The violations axe finds on the current page (WCAG 2.0/2.1 A and AA rules): rule id, impact, help, a few targets. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> check(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                        targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || ''))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    /** Fails, naming each rule and where, when axe finds a violation of impact serious or critical. */
    static void assertNoSeriousViolations(WebDriver browser) {
        List<Map<String, Object>> serious = check(browser).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
        assertThat(serious).as("axe-core violations (serious or critical) on " + browser.getCurrentUrl()).isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
