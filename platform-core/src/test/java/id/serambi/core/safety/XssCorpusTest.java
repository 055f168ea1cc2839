package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload of the XSS corpus through the body sanitiser: the output, parsed the way a browser parses it
 * (jsoup implements the HTML5 parsing algorithm, including its re-parenting rules), may hold only allowlisted
 * elements and attributes, and URLs only of safe schemes. Parsing twice catches mutation XSS, where the
 * serialised output would parse into something else the second time.
 */
class XssCorpusTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "title", "rel")),
            Map.entry("img", Set.of("src", "srcset", "alt", "width", "height", "loading")),
            Map.entry("td", Set.of("colspan", "rowspan")),
            Map.entry("th", Set.of("colspan", "rowspan")));
    private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "h2", "h3", "h4", "blockquote", "ul", "ol",
            "li", "strong", "b", "em", "i", "u", "s", "sub", "sup", "hr", "figure", "figcaption", "table", "thead",
            "tbody", "tr", "th", "td", "caption", "a", "img");
    /** A URL is safe when it is http(s)/mailto or has no scheme at all (relative). */
    private static final Pattern SAFE_URL = Pattern.compile("^(?:(?:https?|mailto):|[^:]*(?:[/?#]|$))",
            Pattern.CASE_INSENSITIVE);

    /** An image may only show the platform's own media, by a relative address the portal serves. */
    private static final Pattern OWN_MEDIA = Pattern.compile(
            "^(?:/[a-z0-9-]+)?/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z0-9]+$");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    static List<String> payloads() throws IOException {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/security/xss-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.equals("#") && !line.startsWith("# "))
                    .toList();
        }
    }

    @Test
    void the_corpus_has_at_least_a_hundred_distinct_payloads() throws IOException {
        assertThat(payloads()).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
    }

    @Test
    void a_payload_that_starts_with_a_hash_is_a_payload_not_a_comment() throws IOException {
        // Template syntax (#{...}) begins with "#": only "#" alone or "# " with a space marks a comment.
        assertThat(payloads()).contains("#{window.__xss=1}").noneMatch(p -> p.equals("#") || p.startsWith("# "));
    }

    @Test
    void the_check_itself_rejects_most_raw_payloads_so_a_pass_means_something() throws IOException {
        long rejected = payloads().stream().filter(payload -> {
            try {
                assertSafe(payload, payload);
                return false;
            } catch (AssertionError expected) {
                return true;
            }
        }).count();
        // The rest are strings that are only dangerous in another context (template syntax, JS strings,
        // text that merely looks like markup): harmless as HTML, and escaped as titles.
        assertThat(rejected).isGreaterThan(payloads().size() * 3 / 4);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void the_sanitised_body_holds_no_script_capable_construct(String payload) {
        String once = sanitizer.clean(payload);
        assertSafe(payload, once);
        // Sanitising is stable, and what a browser re-serialises and re-parses is still safe.
        assertThat(sanitizer.clean(once)).as("idempotent for %s", payload).isEqualTo(once);
        assertSafe(payload, Jsoup.parseBodyFragment(once).body().html());
    }

    private static void assertSafe(String payload, String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).as("output of %s", payload)
                .doesNotContain("<script", "<svg", "<math", "<iframe", "<style", "<object", "<embed", "<base",
                        "<meta", "<form", "<template", "<noscript");
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("body")) {
                continue;
            }
            assertThat(ALLOWED_ELEMENTS).as("element <%s> from %s", tag, payload).contains(tag);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(ALLOWED.getOrDefault(tag, Set.of())).as("attribute %s on <%s> from %s", name, tag, payload)
                        .contains(name);
                if (name.equals("href") || name.equals("src")) {
                    // Browsers drop tabs and newlines inside URLs and ignore leading control characters/spaces.
                    String url = attribute.getValue().replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "");
                    assertThat(SAFE_URL.matcher(url).lookingAt()).as("%s=%s from %s", name, attribute.getValue(), payload)
                            .isTrue();
                }
            }
            if (tag.equals("img")) {
                assertThat(OWN_MEDIA.matcher(element.attr("src")).matches()).as("img src=%s from %s",
                        element.attr("src"), payload).isTrue();
                if (element.hasAttr("srcset")) {
                    for (String candidate : element.attr("srcset").split(",")) {
                        assertThat(OWN_MEDIA.matcher(candidate.strip().split("\\s+")[0]).matches())
                                .as("img srcset=%s from %s", element.attr("srcset"), payload).isTrue();
                    }
                }
            }
            if (tag.equals("a") && element.hasAttr("href")) {
                assertThat(element.attr("rel")).as("rel of a link from %s", payload).contains("nofollow", "noopener");
            }
        }
    }
}
