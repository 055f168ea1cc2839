package id.serambi.core.safety;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text a reader sees in a piece of HTML. Inline tags vanish without a trace, so a number split by
 * {@code <b>} or {@code <span>} comes out whole (that is how someone would paste or hide a NIK); block
 * tags and {@code <br>} become line breaks, so two paragraphs never run into one number.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "ul", "ol", "blockquote", "table", "thead", "tbody", "tr", "td", "th", "caption", "figure",
            "figcaption", "section", "article", "header", "footer", "pre", "address", "dd", "dt", "dl");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "template", "noscript", "head", "title");

    private HtmlText() {
    }

    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !insideInvisible(t)) {
                    appendCollapsed(text, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    lineBreak(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    lineBreak(text);
                }
            }
        });
        return text.toString().strip();
    }

    private static boolean insideInvisible(TextNode node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element e && INVISIBLE.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void appendCollapsed(StringBuilder text, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                c = ' ';
            }
            if (c == ' ' && !text.isEmpty() && (text.charAt(text.length() - 1) == ' '
                    || text.charAt(text.length() - 1) == '\n')) {
                continue;
            }
            text.append(c);
        }
    }

    private static void lineBreak(StringBuilder text) {
        while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
