package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Feeds, sitemaps and robots.txt as a feed reader or a crawler reads them: parsed with a real XML parser, with
 * absolute links, dates, escaped text, and only what readers may see.
 */
@MicronautTest(environments = "portal", transactional = false)
class FeedsTest extends DatabaseTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String BASE = "https://contohkab.go.id";
    private static final String TRICKY_TITLE = "Tarif <b>Parkir</b> & \"Retribusi\" Turun";

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.portal.base-url", BASE + "/");
    }

    @BeforeAll
    void agenciesWithNews() {
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        Actor dinkes = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Actor dishub = Fixtures.signIn(accounts, sessions, "admin-dishub");
        Post posyandu = publish(dinkes, "dinkes", "Posyandu Balita Mekarsari", "Pemeriksaan rutin balita & ibu hamil.");
        sql("update post set category_id = (select id from category where slug = 'kesehatan') where id = " + posyandu.id().value());
        publish(dishub, "dishub", TRICKY_TITLE, null);
        sql("update post set portal_state = 'hidden' where id = "
                + publish(dinkes, "dinkes", "Rapat Internal Disembunyikan", "Hanya di situs dinas.").id().value());
        sql("update post set portal_state = 'removed' where id = "
                + publish(dishub, "dishub", "Iklan Judi Diturunkan", "Dihapus moderator.").id().value());
        posts.createDraft(dishub, "dishub", new PostDraft("Draf Perhubungan", null, "<p>x</p>", null));
        // Two PPID documents: they share the agency's document list, which the sitemap lists once.
        for (int year : new int[] {2024, 2025}) {
            sql("insert into post (tenant_id, kind, status, title, slug, body_html, first_published_at, published_at, "
                    + "document_category, document_year) select id, 'document', 'published', 'Laporan Kinerja " + year
                    + "', 'laporan-kinerja-" + year + "', '', now(), now(), 'berkala', " + year + " from tenant where slug = 'dinkes'");
        }
        // A profile page: in the sitemap at its own address, not in the news feeds.
        posts.publish(dinkes, "dinkes", posts.createDraft(dinkes, "dinkes",
                new PostDraft("Profil Dinas", null, "<p>Profil.</p>", "page")).id());
        sql("insert into tenant_domain (tenant_id, host) select id, 'dinkes.contohkab.go.id' from tenant where slug = 'dinkes'");
    }

    @Test
    void the_portal_rss_feed_lists_visible_posts_with_absolute_links_dates_and_escaped_text() throws Exception {
        HttpResponse<String> response = get("/feed.xml");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/rss+xml");
        Document rss = parse(response.body());
        Element channel = (Element) rss.getDocumentElement().getElementsByTagName("channel").item(0);
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(text(channel, "link")).isEqualTo(BASE + "/");
        assertThat(((Element) channel.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href")).isEqualTo(BASE + "/feed.xml");

        List<Element> items = children(channel, "item");
        assertThat(items).extracting(i -> text(i, "title")).containsExactlyInAnyOrder("Posyandu Balita Mekarsari", TRICKY_TITLE);
        Element tricky = items.stream().filter(i -> text(i, "title").equals(TRICKY_TITLE)).findFirst().orElseThrow();
        assertThat(text(tricky, "link")).isEqualTo(BASE + "/dishub/berita/" + slugOf(TRICKY_TITLE));
        assertThat(text(tricky, "guid")).isEqualTo(text(tricky, "link"));
        ZonedDateTime published = ZonedDateTime.parse(text(tricky, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(published).isAfter(ZonedDateTime.now().minusHours(1));
        // An agency with its own host name gets its links there.
        Element posyandu = items.stream().filter(i -> text(i, "title").startsWith("Posyandu")).findFirst().orElseThrow();
        assertThat(text(posyandu, "link")).isEqualTo("https://dinkes.contohkab.go.id/berita/posyandu-balita-mekarsari");
        assertThat(text(posyandu, "description")).isEqualTo("Pemeriksaan rutin balita & ibu hamil.");
        assertThat(text(posyandu, "category")).isEqualTo("Kesehatan");
        // The markup in the title arrives as text, escaped in the XML.
        assertThat(response.body()).contains("Tarif &lt;b&gt;Parkir&lt;/b&gt; &amp;").doesNotContain("<b>");
    }

    @Test
    void the_portal_atom_feed_parses_with_entries_links_and_dates() throws Exception {
        HttpResponse<String> response = get("/atom.xml");
        assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
        Document atom = parse(response.body());
        Element feed = atom.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        OffsetDateTime.parse(textNS(feed, "updated"));
        List<Element> entries = childrenNS(feed, "entry");
        assertThat(entries).extracting(e -> textNS(e, "title")).containsExactlyInAnyOrder("Posyandu Balita Mekarsari", TRICKY_TITLE);
        for (Element entry : entries) {
            Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).startsWith("https://").contains("/berita/");
            assertThat(textNS(entry, "id")).isEqualTo(link.getAttribute("href"));
            OffsetDateTime.parse(textNS(entry, "published"));
            OffsetDateTime.parse(textNS(entry, "updated"));
            assertThat(textNS(entry, "name")).isIn("Dinas Kesehatan", "Dinas Perhubungan");
        }
    }

    @Test
    void an_agency_feed_has_its_own_posts_including_those_hidden_only_from_the_portal() throws Exception {
        for (String path : new String[] {"/dinkes/feed.xml", "/dinkes/atom.xml"}) {
            String body = get(path).body();
            assertThat(body).as(path).contains("Posyandu Balita Mekarsari", "Rapat Internal Disembunyikan")
                    .doesNotContain("Parkir", "Iklan Judi");
            parse(body);
        }
        Document rss = parse(get("/dishub/feed.xml").body());
        assertThat(titles(rss, "item")).containsExactly(TRICKY_TITLE);
        // On the agency's own host, /feed.xml is the agency's.
        HttpResponse<String> onHost = exchange(HttpRequest.GET("/feed.xml").header("Host", "dinkes.contohkab.go.id"));
        assertThat(titles(parse(onHost.body()), "item")).containsExactlyInAnyOrder("Posyandu Balita Mekarsari", "Rapat Internal Disembunyikan");
        assertThat(get("/tidak-ada/feed.xml").code()).isEqualTo(404);
    }

    @Test
    void a_category_feed_lists_the_posts_of_that_category_across_agencies() throws Exception {
        assertThat(titles(parse(get("/kategori/kesehatan/feed.xml").body()), "item")).containsExactly("Posyandu Balita Mekarsari");
        Document atom = parse(get("/kategori/kesehatan/atom.xml").body());
        assertThat(childrenNS(atom.getDocumentElement(), "entry")).hasSize(1);
        assertThat(titles(parse(get("/kategori/pendidikan/feed.xml").body()), "item")).isEmpty();
        assertThat(get("/kategori/tidak-ada/feed.xml").code()).isEqualTo(404);
    }

    @Test
    void pages_advertise_their_feeds_in_the_head() {
        assertThat(get("/").body()).contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"",
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"");
        assertThat(get("/dinkes/cari").body()).contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/dinkes/feed.xml\"");
    }

    @Test
    void the_sitemap_index_points_to_each_agencys_sitemap_and_the_district_pages() throws Exception {
        Document index = parse(get("/sitemap.xml").body());
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(locs(index)).containsExactlyInAnyOrder(BASE + "/sitemap-portal.xml",
                "https://dinkes.contohkab.go.id/dinkes/sitemap.xml", BASE + "/dishub/sitemap.xml");

        Document dishub = parse(get("/dishub/sitemap.xml").body());
        assertThat(dishub.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(locs(dishub)).containsExactly(BASE + "/dishub", BASE + "/dishub/berita/" + slugOf(TRICKY_TITLE));
        NodeList lastmods = dishub.getElementsByTagNameNS(SITEMAP, "lastmod");
        assertThat(lastmods.getLength()).isEqualTo(2);
        OffsetDateTime.parse(lastmods.item(1).getTextContent());

        assertThat(locs(parse(get("/dinkes/sitemap.xml").body()))).containsExactlyInAnyOrder(
                "https://dinkes.contohkab.go.id/", "https://dinkes.contohkab.go.id/berita/posyandu-balita-mekarsari",
                "https://dinkes.contohkab.go.id/berita/rapat-internal-disembunyikan",
                "https://dinkes.contohkab.go.id/halaman/profil-dinas", "https://dinkes.contohkab.go.id/dokumen");
        assertThat(locs(parse(get("/sitemap-portal.xml").body()))).contains(BASE + "/", BASE + "/dishub",
                "https://dinkes.contohkab.go.id/", BASE + "/kategori/kesehatan");
        assertThat(get("/dishub/sitemap.xml?halaman=2").code()).isEqualTo(404);
        assertThat(get("/tidak-ada/sitemap.xml").code()).isEqualTo(404);
    }

    @Test
    void every_address_in_the_feeds_and_sitemaps_opens_a_page() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (String sitemap : List.of("/sitemap-portal.xml", "/dinkes/sitemap.xml", "/dishub/sitemap.xml")) {
            addresses.addAll(locs(parse(get(sitemap).body())));
        }
        for (String feed : List.of("/feed.xml", "/dinkes/feed.xml")) {
            for (Element item : children((Element) parse(get(feed).body()).getDocumentElement()
                    .getElementsByTagName("channel").item(0), "item")) {
                addresses.add(text(item, "link"));
            }
        }
        assertThat(addresses).contains("https://dinkes.contohkab.go.id/halaman/profil-dinas");
        for (String address : addresses) {
            URI uri = URI.create(address);
            MutableHttpRequest<?> request = HttpRequest.GET(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            if (!address.startsWith(BASE)) {
                request.header("Host", uri.getHost());
            }
            assertThat(exchange(request).code()).as(address).isEqualTo(200);
        }
    }

    @Test
    void robots_txt_allows_public_pages_keeps_crawlers_out_of_search_and_names_the_sitemap() {
        HttpResponse<String> robots = get("/robots.txt");
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *\nAllow: /\n", "Disallow: /cari$\n", "Disallow: /cari?\n",
                "Disallow: /*/cari?\n", "Sitemap: " + BASE + "/sitemap.xml\n");
        String onHost = exchange(HttpRequest.GET("/robots.txt").header("Host", "dinkes.contohkab.go.id")).body();
        assertThat(onHost).contains("Sitemap: https://dinkes.contohkab.go.id/sitemap.xml");
        Document agencyOnHost;
        try {
            agencyOnHost = parse(exchange(HttpRequest.GET("/sitemap.xml").header("Host", "dinkes.contohkab.go.id")).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(agencyOnHost.getDocumentElement().getLocalName()).isEqualTo("urlset");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> titles(Document feed, String itemName) {
        List<String> titles = new ArrayList<>();
        NodeList items = feed.getElementsByTagName(itemName);
        for (int i = 0; i < items.getLength(); i++) {
            titles.add(text((Element) items.item(i), "title"));
        }
        return titles;
    }

    private static List<String> locs(Document sitemap) {
        List<String> locs = new ArrayList<>();
        NodeList nodes = sitemap.getElementsByTagNameNS(SITEMAP, "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        return locs;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<Element> childrenNS(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static String textNS(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private String slugOf(String title) {
        return DirectSql.query(database, db -> String.valueOf(db.fetchValue("select slug from post where title = ?", title)));
    }

    private Post publish(Actor actor, String tenant, String title, String summary) {
        Post draft = posts.createDraft(actor, tenant, new PostDraft(title, summary, "<p>Isi berita.</p>", null));
        return posts.publish(actor, tenant, draft.id());
    }

    private void sql(String statement) {
        DirectSql.query(database, db -> db.execute(statement));
    }

    private HttpResponse<String> get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
