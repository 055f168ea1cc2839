package id.serambi.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedParserTest {
    static List<FeedItem> parse(String xml) throws FeedFailure {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rss_items_carry_guid_link_title_body_and_date() throws Exception {
        List<FeedItem> items = parse(FeedDocuments.rss(
                FeedDocuments.rssItem("g-1", "https://dinkes.example/berita/1", "Vaksinasi &lt;b&gt;Polio&lt;/b&gt;",
                        "<p>Isi berita</p>", "Sat, 21 Nov 2026 08:00:00 +0700")));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.guid()).isEqualTo("g-1");
            assertThat(item.link()).isEqualTo("https://dinkes.example/berita/1");
            assertThat(item.title()).isEqualTo("Vaksinasi <b>Polio</b>");
            assertThat(item.bodyHtml()).isEqualTo("<p>Isi berita</p>");
            assertThat(item.date()).isEqualTo(OffsetDateTime.parse("2026-11-21T08:00:00+07:00"));
        });
    }

    @Test
    void content_encoded_is_the_body_and_the_description_its_summary() throws Exception {
        String xml = """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>
                <item><title>Judul</title><link>https://a.example/1</link><description>Ringkas</description>
                <content:encoded><![CDATA[<p>Panjang <em>sekali</em></p>]]></content:encoded></item>
                </channel></rss>""";
        assertThat(parse(xml)).singleElement().satisfies(item -> {
            assertThat(item.guid()).isNull();
            assertThat(item.summaryHtml()).isEqualTo("Ringkas");
            assertThat(item.bodyHtml()).isEqualTo("<p>Panjang <em>sekali</em></p>");
        });
    }

    @Test
    void atom_entries_read_id_alternate_link_and_each_content_type() throws Exception {
        List<FeedItem> items = parse(FeedDocuments.atom(
                FeedDocuments.atomEntry("tag:bappeda,2026:1", "https://bappeda.example/a/1", "Musrenbang 2027",
                        "<p>Rapat</p>", "2026-11-20T09:30:00+07:00"))
                .replace("</feed>", """
                        <entry><id>urn:2</id><title type="text">A &lt; B</title>
                        <link rel="self" href="https://bappeda.example/self"/>
                        <link href="https://bappeda.example/a/2"/>
                        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Satu <b>dua</b></p></div></content>
                        <updated>2026-11-19</updated></entry></feed>"""));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).guid()).isEqualTo("tag:bappeda,2026:1");
        assertThat(items.get(0).bodyHtml()).isEqualTo("<p>Rapat</p>");
        assertThat(items.get(0).date()).isEqualTo(OffsetDateTime.parse("2026-11-20T09:30:00+07:00"));
        assertThat(items.get(1).link()).isEqualTo("https://bappeda.example/a/2");
        assertThat(items.get(1).title()).isEqualTo("A &lt; B");
        assertThat(items.get(1).bodyHtml()).isEqualTo("<p>Satu <b>dua</b></p>");
        assertThat(items.get(1).date()).isNotNull();
    }

    @Test
    void an_external_entity_is_never_resolved(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "RAHASIA-DAPUR");
        String xxe = FeedDocuments.xxe(secret.toUri().toString());
        assertThatThrownBy(() -> parse(xxe)).isInstanceOfSatisfying(FeedFailure.class,
                f -> assertThat(f.messageKey()).isIn("feed.error.doctype", "feed.error.malformed"));
    }

    @Test
    void entity_expansion_bombs_are_refused_before_they_expand() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <rss><channel><item><title>&lol4;</title><guid>1</guid></item></channel></rss>""";
        assertThatThrownBy(() -> parse(laughs)).isInstanceOf(FeedFailure.class);
    }

    @Test
    void broken_xml_and_other_documents_are_failures_with_a_reason() {
        assertThatThrownBy(() -> parse("<rss><channel><item><title>tak ditutup</channel></rss>"))
                .isInstanceOfSatisfying(FeedFailure.class, f -> assertThat(f.messageKey()).isEqualTo("feed.error.malformed"));
        assertThatThrownBy(() -> parse("<html><body>Bukan feed</body></html>"))
                .isInstanceOfSatisfying(FeedFailure.class, f -> assertThat(f.messageKey()).isEqualTo("feed.error.not_a_feed"));
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(FeedFailure.class);
    }

    @Test
    void at_most_fifty_items_are_taken() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            many.append(FeedDocuments.rssItem("g" + i, "https://a.example/" + i, "Judul " + i, "<p>x</p>", null));
        }
        assertThat(parse(FeedDocuments.rss(many.toString()))).hasSize(FeedParser.MAX_ITEMS);
    }

    @Test
    void dates_in_the_forms_feeds_use() {
        assertThat(FeedParser.parseDate("Sat, 21 Nov 2026 08:00:00 GMT")).isEqualTo(OffsetDateTime.parse("2026-11-21T08:00:00Z"));
        assertThat(FeedParser.parseDate("Sat, 21 Nov 2026 08:00:00 WIB")).isEqualTo(OffsetDateTime.parse("2026-11-21T08:00:00+07:00"));
        assertThat(FeedParser.parseDate("2026-11-21T08:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-11-21T08:00:00Z"));
        assertThat(FeedParser.parseDate("kemarin sore")).isNull();
    }
}
