package id.serambi.core.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers of rendered pages, for tests that check what a person would see. */
public final class Html {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private Html() {
    }

    /** The form token of the first form on the page. */
    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token on the page");
        }
        return m.group(1);
    }

    /** The page's text without tags, whitespace folded: what a reader sees, roughly. */
    public static String text(String html) {
        return TAGS.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replaceAll("\\s+", " ").trim();
    }
}
