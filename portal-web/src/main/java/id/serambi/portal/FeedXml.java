package id.serambi.portal;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0, Atom 1.0 and sitemap documents written with StAX, which escapes every text and attribute. Characters
 * XML 1.0 cannot carry (control characters that slipped into a title) are dropped so a feed always parses.
 */
final class FeedXml {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    /** A channel or feed: its title, description, the page it stands for, and its own address. */
    record Channel(String title, String description, String pageUrl, String selfUrl, String language) {
    }

    /** One item: the post's address doubles as its permanent id. */
    record Item(String title, String url, String description, String author, String category,
                OffsetDateTime published, OffsetDateTime updated) {
    }

    /** One URL of a sitemap or one sitemap of an index, with when it last changed (may be null). */
    record Location(String url, OffsetDateTime lastChanged) {
    }

    private FeedXml() {
    }

    static String rss(Channel channel, List<Item> items, ZoneId zone) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeStartElement("channel");
            element(w, "title", channel.title());
            element(w, "link", channel.pageUrl());
            element(w, "description", channel.description());
            element(w, "language", channel.language());
            if (!items.isEmpty()) {
                element(w, "lastBuildDate", rfc822(newest(items), zone));
            }
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", clean(channel.selfUrl()));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (Item item : items) {
                w.writeStartElement("item");
                element(w, "title", item.title());
                element(w, "link", item.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(clean(item.url()));
                w.writeEndElement();
                element(w, "pubDate", rfc822(item.published(), zone));
                if (item.description() != null && !item.description().isEmpty()) {
                    element(w, "description", item.description());
                }
                if (item.category() != null) {
                    element(w, "category", item.category());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static String atom(Channel channel, List<Item> items, String fallbackAuthor) {
        return write(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", channel.language());
            element(w, "id", channel.selfUrl());
            element(w, "title", channel.title());
            element(w, "subtitle", channel.description());
            element(w, "updated", iso(items.isEmpty() ? OffsetDateTime.now(java.time.ZoneOffset.UTC) : newest(items)));
            link(w, "self", "application/atom+xml", channel.selfUrl());
            link(w, "alternate", "text/html", channel.pageUrl());
            w.writeStartElement("author");
            element(w, "name", fallbackAuthor);
            w.writeEndElement();
            for (Item item : items) {
                w.writeStartElement("entry");
                element(w, "id", item.url());
                element(w, "title", item.title());
                link(w, "alternate", "text/html", item.url());
                element(w, "published", iso(item.published()));
                element(w, "updated", iso(item.updated() == null ? item.published() : item.updated()));
                if (item.author() != null) {
                    w.writeStartElement("author");
                    element(w, "name", item.author());
                    w.writeEndElement();
                }
                if (item.description() != null && !item.description().isEmpty()) {
                    w.writeStartElement("summary");
                    w.writeAttribute("type", "text");
                    w.writeCharacters(clean(item.description()));
                    w.writeEndElement();
                }
                if (item.category() != null) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", clean(item.category()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static String urlset(List<Location> locations) {
        return sitemap("urlset", "url", locations);
    }

    static String sitemapIndex(List<Location> sitemaps) {
        return sitemap("sitemapindex", "sitemap", sitemaps);
    }

    private static String sitemap(String root, String child, List<Location> locations) {
        return write(w -> {
            w.setDefaultNamespace(SITEMAP_NS);
            w.writeStartElement(SITEMAP_NS, root);
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Location location : locations) {
                w.writeStartElement(child);
                element(w, "loc", location.url());
                if (location.lastChanged() != null) {
                    element(w, "lastmod", iso(location.lastChanged()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", clean(href));
    }

    private static OffsetDateTime newest(List<Item> items) {
        return items.stream().map(i -> i.updated() == null ? i.published() : i.updated())
                .max(OffsetDateTime::compareTo).orElseThrow();
    }

    private static String rfc822(OffsetDateTime at, ZoneId zone) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZoneSameInstant(zone));
    }

    private static String iso(OffsetDateTime at) {
        return at.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The text without characters XML 1.0 forbids (all but tab, newline and carriage return below 0x20, and others). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
