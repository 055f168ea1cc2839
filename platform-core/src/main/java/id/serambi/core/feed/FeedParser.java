package id.serambi.core.feed;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom with the JDK's StAX parser, configured so that a hostile feed can do
 * no harm: a document with a DOCTYPE is refused outright (no DTD, so no external entities, XXE, and no entity
 * expansion, "billion laughs"), nesting and element counts are bounded, and at most {@link #MAX_ITEMS} items
 * are taken (the newest, as feeds list them first).
 */
final class FeedParser {
    static final int MAX_ITEMS = 50;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 200_000;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private FeedParser() {
    }

    /** A light element tree: enough for feeds, which are small and shallow. */
    private static final class Node {
        final String namespace;
        final String name;
        final List<String[]> attributes = new ArrayList<>();
        final List<Object> children = new ArrayList<>(); // Node or String

        Node(String namespace, String name) {
            this.namespace = namespace == null ? "" : namespace;
            this.name = name;
        }

        String attribute(String local) {
            for (String[] a : attributes) {
                if (a[0].equals(local)) {
                    return a[1];
                }
            }
            return null;
        }

        Node child(String local) {
            for (Object c : children) {
                if (c instanceof Node n && n.name.equals(local)) {
                    return n;
                }
            }
            return null;
        }

        Node child(String namespace, String local) {
            for (Object c : children) {
                if (c instanceof Node n && n.name.equals(local) && n.namespace.equals(namespace)) {
                    return n;
                }
            }
            return null;
        }

        List<Node> children(String local) {
            List<Node> found = new ArrayList<>();
            for (Object c : children) {
                if (c instanceof Node n && n.name.equals(local)) {
                    found.add(n);
                }
            }
            return found;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            appendText(text);
            return text.toString();
        }

        private void appendText(StringBuilder text) {
            for (Object c : children) {
                if (c instanceof String s) {
                    text.append(s);
                } else {
                    ((Node) c).appendText(text);
                }
            }
        }

        /** The children as markup (Atom's type="xhtml" content), attribute values and text escaped. */
        String innerXml() {
            StringBuilder xml = new StringBuilder();
            for (Object c : children) {
                if (c instanceof String s) {
                    xml.append(escape(s));
                } else {
                    ((Node) c).outerXml(xml);
                }
            }
            return xml.toString();
        }

        private void outerXml(StringBuilder xml) {
            xml.append('<').append(name);
            for (String[] a : attributes) {
                xml.append(' ').append(a[0]).append("=\"").append(escape(a[1])).append('"');
            }
            xml.append('>').append(innerXml()).append("</").append(name).append('>');
        }
    }

    static List<FeedItem> parse(byte[] document) throws FeedFailure {
        Node root = read(document);
        List<FeedItem> items = new ArrayList<>();
        if (root.name.equals("feed")) {
            for (Node entry : root.children("entry")) {
                if (items.size() < MAX_ITEMS) {
                    items.add(atomEntry(entry));
                }
            }
        } else if (root.name.equals("rss") || root.name.equals("RDF")) {
            Node channel = root.child("channel");
            List<Node> found = new ArrayList<>(root.children("item")); // RSS 1.0 puts items beside the channel
            if (channel != null) {
                found.addAll(channel.children("item"));
            }
            for (Node item : found) {
                if (items.size() < MAX_ITEMS) {
                    items.add(rssItem(item));
                }
            }
        } else {
            throw new FeedFailure("feed.error.not_a_feed");
        }
        return items;
    }

    private static FeedItem rssItem(Node item) {
        String guid = textOf(item.child("guid"));
        if (guid == null) {
            guid = item.attribute("about"); // rdf:about in RSS 1.0
        }
        String description = textOf(item.child("description"));
        String encoded = textOf(item.child("encoded")); // content:encoded
        String date = textOf(item.child("pubDate"));
        if (date == null) {
            date = textOf(item.child("date")); // dc:date
        }
        return new FeedItem(guid, textOf(item.child("link")), textOf(item.child("title")),
                encoded != null ? description : null, encoded != null ? encoded : description, parseDate(date));
    }

    private static FeedItem atomEntry(Node entry) {
        String link = null;
        for (Node l : entry.children("link")) {
            String rel = l.attribute("rel");
            if ((rel == null || rel.equals("alternate")) && l.attribute("href") != null) {
                link = l.attribute("href").strip();
                break;
            }
        }
        String summary = atomText(entry.child(ATOM, "summary"));
        String content = atomText(entry.child(ATOM, "content"));
        String date = textOf(entry.child(ATOM, "published"));
        if (date == null) {
            date = textOf(entry.child(ATOM, "updated"));
        }
        return new FeedItem(textOf(entry.child(ATOM, "id")), link, atomText(entry.child(ATOM, "title")),
                content != null ? summary : null, content != null ? content : summary, parseDate(date));
    }

    // Atom text constructs: "text" is plain (escaped here so it reads as HTML), "html" is escaped HTML,
    // "xhtml" is inline markup.
    private static String atomText(Node node) {
        if (node == null) {
            return null;
        }
        String type = node.attribute("type");
        if ("xhtml".equals(type)) {
            Node div = node.child("div");
            return blankToNull(div != null ? div.innerXml() : node.innerXml());
        }
        if (type == null || type.equals("text")) {
            String text = blankToNull(node.text());
            return text == null ? null : escape(text);
        }
        return blankToNull(node.text());
    }

    private static String textOf(Node node) {
        return node == null ? null : blankToNull(node.text());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Node read(byte[] document) throws FeedFailure {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            List<Node> open = new ArrayList<>();
            Node root = null;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new FeedFailure("feed.error.doctype");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new FeedFailure("feed.error.doctype");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS || open.size() >= MAX_DEPTH) {
                            throw new FeedFailure("feed.error.malformed", "terlalu dalam atau terlalu banyak elemen");
                        }
                        Node node = new Node(reader.getNamespaceURI(), reader.getLocalName());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            node.attributes.add(new String[] {reader.getAttributeLocalName(i), reader.getAttributeValue(i)});
                        }
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            open.get(open.size() - 1).children.add(node);
                        }
                        open.add(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.get(open.size() - 1).children.add(reader.getText());
                        }
                    }
                    default -> {
                        // comments, processing instructions: nothing a feed needs
                    }
                }
            }
            if (root == null) {
                throw new FeedFailure("feed.error.not_a_feed");
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            String where = e instanceof XMLStreamException x && x.getLocation() != null
                    ? "baris " + x.getLocation().getLineNumber() : "dokumen";
            throw new FeedFailure("feed.error.malformed", where);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing more to read
                }
            }
        }
    }

    /** RFC 822 dates (RSS) and ISO 8601 (Atom, dc:date); null when neither reads. */
    static OffsetDateTime parseDate(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException notRfc) {
            // next form
        }
        try {
            // "Sat, 21 Nov 2026 10:00:00 WIB": the district's own zone abbreviations, which RFC 1123 does not know
            String rfc = text.replaceAll("(?i)\\s+WIB$", " +0700").replaceAll("(?i)\\s+WITA$", " +0800")
                    .replaceAll("(?i)\\s+WIT$", " +0900").replaceAll("(?i)\\s+UTC$", " GMT");
            return OffsetDateTime.parse(rfc, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
        } catch (DateTimeParseException notRfcWithZoneName) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notIso) {
            // next form
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
