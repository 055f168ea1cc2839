package id.serambi.core.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import id.serambi.core.safety.SpamVerdict.Kind;
import id.serambi.core.safety.SpamVerdict.Level;
import id.serambi.core.safety.SpamVerdict.Reason;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The online-gambling spam guard. Judi-online spam reaches government sites through stolen editor accounts
 * and pasted "artikel titipan": gambling vocabulary disguised against filters, links to gambling hosts, and
 * text hidden from the reader but not from search engines. This looks at the raw submitted HTML, before the
 * sanitiser (which drops the {@code style} attributes that do the hiding, and with them the evidence).
 *
 * <p>A strong term, a gambling link, or hidden text that carries gambling words or links blocks on its own.
 * A weak term (words honest news about gambling uses too) blocks only together with hidden text, a link
 * whose text names another site, or a mass of outbound links; alone it is merely suspicious.
 */
@Singleton
public class SpamGuard {
    /** More outbound links than this in one post is what link farms look like. */
    static final int OUTBOUND_LINK_LIMIT = 20;
    private static final int DETAIL_MAX = 80;
    private static final Pattern DOMAIN_TEXT = Pattern.compile(
            "^(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,})(?:[/?#]\\S*)?$");
    private static final Pattern URL_HOST = Pattern.compile("^(?:[a-z][a-z0-9+.\\-]*:)?//(?:[^/?#@]*@)?([^/?#:]+)");
    private static final Pattern URL_SEPARATORS = Pattern.compile("[/._\\-?=&#:+%~]+");
    private static final Pattern COLOR_HEX = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern COLOR_RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*([0-9.]+)\\s*)?\\)");
    private static final Pattern LENGTH = Pattern.compile("^(-?[0-9]*\\.?[0-9]+)\\s*([a-z%]*)$");
    private static final Map<String, String> NAMED_COLORS = Map.of("white", "ffffff", "black", "000000",
            "red", "ff0000", "yellow", "ffff00", "snow", "fffafa", "ivory", "fffff0", "whitesmoke", "f5f5f5");
    private static final String PAGE_BACKGROUND = "ffffff";

    private final GamblingTerms terms;

    @Inject
    public SpamGuard() {
        this(GamblingTerms.load());
    }

    SpamGuard(GamblingTerms terms) {
        this.terms = terms;
    }

    /** Inspects a post as submitted: plain-text title and summary, raw body HTML, texts of its attachments. */
    public SpamVerdict inspect(String title, String summary, String rawBodyHtml, List<String> attachmentTexts) {
        List<Reason> reasons = new ArrayList<>();
        termsIn("title", title, reasons);
        termsIn("summary", summary, reasons);
        if (rawBodyHtml != null && !rawBodyHtml.isBlank()) {
            Element body = Jsoup.parseBodyFragment(rawBodyHtml).body();
            StringBuilder visible = new StringBuilder(HtmlText.of(rawBodyHtml));
            // Alt and title attributes are where SEO spam hides from readers but not from search engines.
            for (Element e : body.select("[alt], [title]")) {
                visible.append('\n').append(e.attr("alt")).append('\n').append(e.attr("title"));
            }
            termsIn("bodyHtml", visible.toString(), reasons);
            hiddenText(body, reasons);
            links(body, reasons);
        }
        if (attachmentTexts != null) {
            for (String text : attachmentTexts) {
                termsIn("attachment", text, reasons);
            }
        }
        return verdict(reasons);
    }

    private static SpamVerdict verdict(List<Reason> reasons) {
        List<Reason> distinct = List.copyOf(new LinkedHashSet<>(reasons));
        if (distinct.isEmpty()) {
            return new SpamVerdict(Level.CLEAN, distinct);
        }
        boolean blocks = distinct.stream().anyMatch(Reason::blocks);
        boolean weakTerm = distinct.stream().anyMatch(r -> r.kind() == Kind.GAMBLING_TERM);
        boolean structural = distinct.stream().anyMatch(r -> r.kind() == Kind.HIDDEN_TEXT
                || r.kind() == Kind.LINK_TEXT_MISMATCH || r.kind() == Kind.MANY_OUTBOUND_LINKS);
        return new SpamVerdict(blocks || weakTerm && structural ? Level.SPAM : Level.SUSPICIOUS, distinct);
    }

    private void termsIn(String field, String text, List<Reason> reasons) {
        List<Object> all = terms.find(SpamText.words(text));
        for (Object found : all) {
            if (found instanceof GamblingTerms.Term term && term.strength() == GamblingTerms.Strength.WEAK
                    && all.stream().anyMatch(other -> other instanceof GamblingTerms.Term strong
                            && strong.strength() == GamblingTerms.Strength.STRONG
                            && strong.compact().contains(term.compact()))) {
                continue; // "gacor" adds nothing to "slot gacor" in a message
            }
            if (found instanceof GamblingTerms.Term term) {
                reasons.add(new Reason(Kind.GAMBLING_TERM, field, term.label(),
                        term.strength() == GamblingTerms.Strength.STRONG));
            } else if (found instanceof GamblingTerms.TermPattern pattern) {
                Matcher m = pattern.regex().matcher(SpamText.normalise(text));
                String what = m.find() ? m.group() : pattern.label();
                reasons.add(new Reason(Kind.GAMBLING_TERM, field, shorten(what),
                        pattern.strength() == GamblingTerms.Strength.STRONG));
            }
        }
    }

    private boolean hasGamblingWords(String text) {
        return !terms.find(SpamText.words(text)).isEmpty();
    }

    // ---- hidden text -------------------------------------------------------------------------------------

    private void hiddenText(Element body, List<Reason> reasons) {
        visit(body, PAGE_BACKGROUND, reasons);
    }

    private void visit(Element element, String background, List<Reason> reasons) {
        for (Element child : element.children()) {
            Map<String, String> style = declarations(child.attr("style"));
            String ownBackground = color(style.getOrDefault("background-color", style.get("background")));
            String effectiveBackground = ownBackground != null ? ownBackground : background;
            String how = hidingTechnique(child, style, effectiveBackground);
            if (how == null) {
                visit(child, effectiveBackground, reasons);
                continue;
            }
            String text = child.text().strip();
            int links = child.select("a[href]").size();
            if (text.isEmpty() && links == 0) {
                continue; // an empty hidden spacer hides nothing
            }
            boolean blocks = links > 0 || hasGamblingWords(text);
            String detail = how + (text.isEmpty() ? "" : ": \u201C" + shorten(text) + "\u201D");
            reasons.add(new Reason(Kind.HIDDEN_TEXT, "bodyHtml", detail, blocks));
        }
    }

    /** How an element hides its content from a reader, or null when it does not. */
    static String hidingTechnique(Element e, Map<String, String> style, String background) {
        if (e.hasAttr("hidden")) {
            return "hidden";
        }
        if ("none".equals(style.get("display"))) {
            return "display:none";
        }
        String visibility = style.get("visibility");
        if ("hidden".equals(visibility) || "collapse".equals(visibility)) {
            return "visibility:" + visibility;
        }
        Double fontSize = pixels(style.get("font-size"));
        if (fontSize != null && fontSize < 2) {
            return "font-size:" + style.get("font-size");
        }
        if ("0".equals(e.attr("size")) && e.normalName().equals("font")) {
            return "font size=0";
        }
        String opacity = style.get("opacity");
        if (opacity != null && opacity.matches("[0-9.]+") && Double.parseDouble(opacity) < 0.1) {
            return "opacity:" + opacity;
        }
        for (String side : List.of("left", "top", "right", "bottom", "text-indent", "margin-left", "margin-top")) {
            Double offset = pixels(style.get(side));
            if (offset != null && offset <= -500) {
                return side + ":" + style.get(side);
            }
        }
        boolean clipped = "hidden".equals(style.get("overflow"));
        for (String size : List.of("height", "width", "max-height", "max-width")) {
            Double px = pixels(style.get(size));
            if (clipped && px != null && px < 2) {
                return size + ":" + style.get(size) + ";overflow:hidden";
            }
        }
        String clip = style.getOrDefault("clip", "") + style.getOrDefault("clip-path", "");
        if (clip.matches(".*rect\\(\\s*0[a-z]*[ ,]+0.*") || clip.contains("inset(50%") || clip.contains("circle(0")) {
            return "clip";
        }
        if (style.getOrDefault("transform", "").matches(".*scale[xy]?\\(\\s*0(\\.0*)?\\s*[,)].*")) {
            return "transform:" + style.get("transform");
        }
        String color = color(style.get("color"));
        if (color == null && e.normalName().equals("font")) {
            color = color(e.attr("color"));
        }
        if (color != null && color.equals(background)) {
            return "warna teks sama dengan latar (#" + color + ")";
        }
        return null;
    }

    static Map<String, String> declarations(String style) {
        Map<String, String> map = new HashMap<>();
        if (style == null || style.isBlank()) {
            return map;
        }
        String cleaned = style.toLowerCase(Locale.ROOT).replaceAll("/\\*.*?\\*/", "");
        for (String declaration : cleaned.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String value = declaration.substring(colon + 1).replace("!important", "").strip();
                map.put(declaration.substring(0, colon).strip(), value);
            }
        }
        return map;
    }

    /** A CSS length in pixels (em/rem as 16px, pt as 4/3 px); null when absent or not a plain length. */
    static Double pixels(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LENGTH.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        double number = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "", "px" -> number;
            case "em", "rem" -> number * 16;
            case "pt" -> number * 4 / 3;
            case "%", "vw", "vh", "ch", "ex" -> number == 0 ? 0.0 : number < 0 ? number * 10 : null;
            default -> null;
        };
    }

    /** A colour as six hex digits, or null when absent, transparent or not understood. */
    static String color(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher hex = COLOR_HEX.matcher(v);
        if (hex.find()) {
            String digits = hex.group(1);
            return digits.length() == 6 ? digits : new String(new char[] {digits.charAt(0), digits.charAt(0),
                    digits.charAt(1), digits.charAt(1), digits.charAt(2), digits.charAt(2)});
        }
        Matcher rgb = COLOR_RGB.matcher(v);
        if (rgb.find()) {
            if (rgb.group(4) != null && Double.parseDouble(rgb.group(4)) < 0.1) {
                return null; // transparent text is caught as hidden elsewhere only by opacity; ignore here
            }
            return String.format("%02x%02x%02x", Math.min(255, Integer.parseInt(rgb.group(1))),
                    Math.min(255, Integer.parseInt(rgb.group(2))), Math.min(255, Integer.parseInt(rgb.group(3))));
        }
        for (String word : v.split("\\s+")) {
            if (NAMED_COLORS.containsKey(word)) {
                return NAMED_COLORS.get(word);
            }
        }
        return null;
    }

    // ---- links -----------------------------------------------------------------------------------------

    private void links(Element body, List<Reason> reasons) {
        Set<String> outbound = new LinkedHashSet<>();
        int outboundCount = 0;
        for (Element link : body.select("a[href], area[href]")) {
            String href = link.attr("href").replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
            String host = host(href);
            // Gambling words in the address, host or path: "bantulkab.go.id/slot-gacor/" is how defacements look.
            for (Object found : terms.find(SpamText.words(URL_SEPARATORS.matcher(href).replaceAll(" ")))) {
                if (found instanceof GamblingTerms.Term term && term.strength() == GamblingTerms.Strength.STRONG
                        || found instanceof GamblingTerms.TermPattern p && p.strength() == GamblingTerms.Strength.STRONG) {
                    reasons.add(new Reason(Kind.GAMBLING_LINK, "bodyHtml", shorten(href), true));
                    break;
                }
            }
            if (host == null) {
                continue;
            }
            if (!isGovernment(host)) {
                outbound.add(host);
                outboundCount++;
                String folded = SpamText.normalise(host.replace('.', ' ').replace('-', ' ')).replace(" ", "");
                for (String word : terms.hostWords) {
                    if (folded.contains(word.replace(" ", ""))) {
                        reasons.add(new Reason(Kind.GAMBLING_LINK, "bodyHtml", host, true));
                        break;
                    }
                }
            }
            Matcher named = DOMAIN_TEXT.matcher(link.text().strip().toLowerCase(Locale.ROOT));
            if (named.matches() && !sameSite(named.group(1), host)) {
                reasons.add(new Reason(Kind.LINK_TEXT_MISMATCH, "bodyHtml", named.group(1) + " \u2192 " + host, false));
            }
        }
        if (outboundCount > OUTBOUND_LINK_LIMIT) {
            reasons.add(new Reason(Kind.MANY_OUTBOUND_LINKS, "bodyHtml",
                    outboundCount + " tautan ke " + outbound.size() + " situs", false));
        }
    }

    static String host(String href) {
        Matcher m = URL_HOST.matcher(href);
        if (!m.find()) {
            return null;
        }
        String host = m.group(1);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean sameSite(String named, String host) {
        String a = named.startsWith("www.") ? named.substring(4) : named;
        return host != null && (a.equals(host) || a.endsWith("." + host) || host.endsWith("." + a));
    }

    /** Government hosts (go.id and the village/school domains under it) are not outbound for this count. */
    static boolean isGovernment(String host) {
        return host.endsWith(".go.id") || host.endsWith(".desa.id");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= DETAIL_MAX ? oneLine : oneLine.substring(0, DETAIL_MAX - 1) + "\u2026";
    }
}
