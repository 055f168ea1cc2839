package id.serambi.core.feed;

/** Feed documents for tests. */
final class FeedDocuments {
    private FeedDocuments() {
    }

    static String rss(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Situs Dinas</title><link>https://dinas.example/</link>
                <description>Berita</description>
                """ + items + "</channel></rss>";
    }

    static String rssItem(String guid, String link, String titleXml, String bodyHtml, String pubDate) {
        return "<item>" + (guid == null ? "" : "<guid>" + guid + "</guid>")
                + (link == null ? "" : "<link>" + link + "</link>")
                + "<title>" + titleXml + "</title>"
                + "<description><![CDATA[" + bodyHtml + "]]></description>"
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>\n";
    }

    static String atom(String entries) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Situs Bappeda</title><id>urn:bappeda</id>
                <updated>2026-11-20T09:30:00+07:00</updated>
                """ + entries + "</feed>";
    }

    static String atomEntry(String id, String link, String title, String html, String published) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><link rel=\"alternate\" href=\"" + link + "\"/>"
                + "<content type=\"html\">" + FeedParser.escape(html) + "</content>"
                + "<published>" + published + "</published></entry>\n";
    }

    static String xxe(String fileUri) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + fileUri + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>x</title><item><guid>xxe-1</guid><title>Bocor &xxe;</title>"
                + "<description>&xxe;</description></item></channel></rss>";
    }
}
