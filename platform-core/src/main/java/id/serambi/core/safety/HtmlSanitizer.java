package id.serambi.core.safety;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import jakarta.inject.Singleton;

/**
 * Cleans post HTML on save: only the tags and attributes a news article needs, links with rel="nofollow
 * noopener", no scripts, styles, frames, forms or event handlers. What a defacer pastes in is dropped here,
 * before it is stored, so no page can ever render it.
 */
@Singleton
public class HtmlSanitizer {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "b", "em",
                    "i", "u", "s", "sub", "sup", "hr", "figure", "figcaption", "table", "thead", "tbody", "tr",
                    "th", "td", "caption")
            .allowAttributes("colspan", "rowspan").onElements("th", "td")
            .toFactory()
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowStandardUrlProtocols()
                    .toFactory());

    public String clean(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
