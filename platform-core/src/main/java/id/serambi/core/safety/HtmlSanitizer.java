package id.serambi.core.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import jakarta.inject.Singleton;

/**
 * Cleans post HTML on save: only the tags and attributes a news article needs, links with rel="nofollow
 * noopener", no scripts, styles, frames, forms or event handlers. What a defacer pastes in is dropped here,
 * before it is stored, so no page can ever render it.
 *
 * <p>Images are kept only when they show this platform's own media library, by a relative address the portal
 * serves ({@code /{slug}/media/{id}/{variant}} or {@code /media/{id}/{variant}} on an agency host): no
 * hot-linked, tracking or data: images, and the publishing step can check every image's alt text.
 */
@Singleton
public class HtmlSanitizer {
    /** A relative address of a file in the media library, as portal-web's MediaController routes it. */
    public static final Pattern MEDIA_SRC = Pattern.compile(
            "(?:/[a-z0-9][a-z0-9-]{0,46}[a-z0-9])?/media/"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z0-9]{1,16}");
    private static final Pattern SRCSET_CANDIDATE = Pattern.compile("(\\S+)(?:\\s+([0-9]{1,5}w|[0-9]{1,2}(?:\\.[0-9]{1,2})?x))?");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            // A pasted document's main heading (Word's "Heading 1") becomes a section heading: the page's own
            // h1 is the post's title.
            .allowElements((name, attributes) -> "h2", "h1")
            .allowElements("p", "br", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "b", "em",
                    "i", "u", "s", "sub", "sup", "hr", "figure", "figcaption", "table", "thead", "tbody", "tr",
                    "th", "td", "caption")
            .allowAttributes("colspan", "rowspan").onElements("th", "td")
            .toFactory()
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    // Applied after the attributes are filtered: an image whose src was not ours is dropped whole.
                    .allowElements((name, attributes) -> hasAttribute(attributes, "src") ? name : null, "img")
                    .allowAttributes("src").matching(MEDIA_SRC).onElements("img")
                    .allowAttributes("srcset").matching(srcsetPolicy()).onElements("img")
                    .allowAttributes("alt").onElements("img")
                    .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,5}")).onElements("img")
                    .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowStandardUrlProtocols()
                    .toFactory());

    /**
     * Word's fake list markers: the bullet or number it draws itself for readers without list support, between
     * {@code <![if !supportLists]>} and {@code <![endif]>}. The sanitiser would keep them as stray text ("·
     * Item"); the text of the item follows the marker and stays.
     */
    private static final Pattern WORD_LIST_MARKER = Pattern.compile("<!\\[if !supportLists\\]>.*?<!\\[endif\\]>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public String clean(String html) {
        return html == null ? "" : POLICY.sanitize(WORD_LIST_MARKER.matcher(html).replaceAll(""));
    }

    /** The candidates of a srcset that show the platform's media; the attribute goes when none is left. */
    static String filterSrcset(String srcset) {
        List<String> kept = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            Matcher m = SRCSET_CANDIDATE.matcher(candidate.strip());
            if (m.matches() && MEDIA_SRC.matcher(m.group(1)).matches()) {
                kept.add(m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2));
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }

    private static boolean hasAttribute(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static AttributePolicy srcsetPolicy() {
        return (elementName, attributeName, value) -> filterSrcset(value);
    }
}
