package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.portal.PortalPinService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The reader pages of issue 4 as a reader gets them: the district home, agency sites (under /{slug} and at their
 * own host), post pages with their head meta, documents, galleries, archives, and what must never show where.
 */
@MicronautTest(environments = "portal", transactional = false)
class ReaderPagesTest extends DatabaseTest {
    static final String HOST = "dinkes.contohkab.go.id";
    static final UUID PHOTO = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID PHOTO2 = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID VIDEO = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final UUID PDF = UUID.fromString("44444444-4444-4444-8444-444444444444");

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject PortalPinService pins;
    @Inject JsonMapper json;

    @Inject id.serambi.core.cache.CacheGenerations generations;

    id.serambi.core.tenant.Tenant dinkes;
    long posyandu;
    long unpinnedLater;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.portal.base-url", "https://portal.contohkab.go.id");
    }

    @BeforeAll
    void twoAgenciesWithEveryKindOfContent() throws SQLException {
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        try (Connection c = owner()) {
            sql(c, "insert into tenant_domain (tenant_id, host) select id, '" + HOST + "' from tenant where slug = 'dinkes'");
            sql(c, "update tenant set contact_phone = '(0266) 123456', description = 'Melayani kesehatan warga.' where slug = 'dinkes'");
            // Dukcapil takes complaints online; Dinkes does not (yet).
            sql(c, "insert into complaint_settings (tenant_id, enabled, categories) select id, true, '{KTP-el}' from tenant where slug = 'dukcapil'");
            media(c, PHOTO, "image", "{480,960,1600,thumb}", "Bidan menimbang balita di posyandu");
            media(c, PHOTO2, "image", "{480,960,thumb}", null);
            sql(c, "insert into media (tenant_id, id, kind, content_type, file_name, byte_size, variants, youtube_id) "
                    + "select id, '" + VIDEO + "', 'youtube', 'video/youtube', 'Hari Kesehatan', 0, '{}', 'dQw4w9WgXcQ' from tenant where slug = 'dinkes'");
            sql(c, "insert into media (tenant_id, id, kind, content_type, file_name, byte_size, variants) "
                    + "select id, '" + PDF + "', 'document', 'application/pdf', 'laporan-keuangan-2025.pdf', 250000, '{original}' from tenant where slug = 'dinkes'");

            posyandu = post(c, "dinkes", "news", "Posyandu Balita di Desa Mekarsari", "visible", "2026-10-20 09:00+07",
                    "category_id = (select id from category where slug = 'kesehatan'), tags = '{balita,imunisasi}', "
                            + "featured_media_id = '" + PHOTO + "', display_date = '2026-10-19 08:00+07'");
            post(c, "dinkes", "news", "Imunisasi Campak Serentak", "visible", "2026-10-18 09:00+07", "tags = '{imunisasi}'");
            post(c, "dinkes", "announcement", "Jadwal Vaksinasi Lansia", "visible", "2026-10-17 09:00+07", "");
            post(c, "dinkes", "news", "Kabar Tersembunyi dari Portal", "hidden", "2026-10-16 09:00+07",
                    "category_id = (select id from category where slug = 'kesehatan')");
            post(c, "dinkes", "news", "Kabar Dicabut Moderator", "removed", "2026-10-15 09:00+07",
                    "category_id = (select id from category where slug = 'kesehatan')");
            post(c, "dinkes", "news", "Kabar Menunggu Moderasi", "pending", "2026-10-14 09:00+07", "");
            post(c, "dinkes", "news", "Kabar Yang Dihapus", "visible", "2026-10-13 09:00+07", "deleted_at = now()");
            sql(c, "insert into post (tenant_id, kind, status, title, slug, body_html) select id, 'news', 'draft', "
                    + "'Draf Rahasia Dinkes', 'draf-rahasia-dinkes', '<p>x</p>' from tenant where slug = 'dinkes'");
            post(c, "dinkes", "news", "Awas </script><script>alert(1)</script> Hoaks", "visible", "2026-10-12 09:00+07",
                    "slug = 'awas-hoaks', summary = 'Ringkasan \"kutip\" & <b>tebal</b>'");
            post(c, "dinkes", "news", "Berita dari Situs Lama Dinkes", "visible", "2026-10-11 09:00+07",
                    "source = 'feed', source_url = 'https://lama.dinkes.contohkab.go.id/berita/1'");
            post(c, "dinkes", "page", "Visi dan Misi", "visible", "2026-09-01 09:00+07", "menu_position = 2");
            post(c, "dinkes", "page", "Profil Dinas", "visible", "2026-09-01 09:00+07", "menu_position = 1");
            post(c, "dinkes", "page", "Halaman Tanpa Menu", "visible", "2026-09-01 09:00+07", "");
            post(c, "dinkes", "document", "Laporan Keuangan 2025", "visible", "2026-09-02 09:00+07",
                    "document_media_id = '" + PDF + "', document_category = 'berkala', document_year = 2025");
            post(c, "dinkes", "document", "Daftar Informasi Setiap Saat 2024", "visible", "2026-09-03 09:00+07",
                    "document_category = 'setiap_saat', document_year = 2024");
            long gallery = post(c, "dinkes", "gallery", "Galeri Hari Kesehatan Nasional", "visible", "2026-10-10 09:00+07", "");
            sql(c, "insert into post_gallery_item (tenant_id, post_id, position, media_id, caption) select tenant_id, id, 1, '"
                    + PHOTO2 + "', 'Senam pagi bersama' from post where id = " + gallery);
            sql(c, "insert into post_gallery_item (tenant_id, post_id, position, media_id, caption) select tenant_id, id, 2, '"
                    + VIDEO + "', 'Video kegiatan' from post where id = " + gallery);

            post(c, "dukcapil", "news", "Perekaman KTP-el Pemula", "visible", "2026-10-21 09:00+07", "");
            for (int i = 1; i <= 25; i++) {
                post(c, "dukcapil", "news", "Layanan Keliling Kecamatan " + i, "visible",
                        "2026-08-" + String.format("%02d", i) + " 09:00+07", "");
            }
            unpinnedLater = post(c, "dukcapil", "news", "Dukcapil Buka Layanan Sabtu", "visible", "2026-10-05 09:00+07", "");
        }
        pins.pin(Fixtures.SYSTEM, "dinkes", posyandu);
        pins.pin(Fixtures.SYSTEM, "dukcapil", unpinnedLater);
    }

    @Test
    void the_district_home_shows_headlines_latest_news_announcements_categories_and_the_agency_directory() {
        HttpResponse<String> home = get("/");
        assertThat(home.code()).isEqualTo(200);
        String text = Html.text(home.body());
        String headlines = section(home.body(), "headlines");
        assertThat(Html.text(headlines)).contains("Posyandu Balita di Desa Mekarsari", "Dukcapil Buka Layanan Sabtu");
        assertThat(Html.text(section(home.body(), "latest-posts"))).contains("Perekaman KTP-el Pemula", "Imunisasi Campak Serentak");
        assertThat(Html.text(section(home.body(), "announcements"))).contains("Jadwal Vaksinasi Lansia");
        // The directory links to the complaint service of each agency that has one open, and only those.
        assertThat(home.body()).contains("href=\"/kategori/kesehatan\"", "href=\"/dukcapil/pengaduan\"")
                .doesNotContain("href=\"/dinkes/pengaduan\"");
        assertThat(Html.text(section(home.body(), "agencies"))).contains("Dinas Kesehatan", "Melayani kesehatan warga.",
                "Dinas Kependudukan dan Pencatatan Sipil", "terakhir situsnya diperbarui");
        assertThat(section(home.body(), "agencies")).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">");
        assertThat(text).doesNotContain("Kabar Tersembunyi", "Kabar Dicabut", "Kabar Menunggu", "Kabar Yang Dihapus", "Draf Rahasia");
        // The first headline's image is responsive; it is the one image not loaded lazily.
        assertThat(headlines).contains("srcset=\"/dinkes/media/" + PHOTO + "/480 480w, /dinkes/media/" + PHOTO + "/960 960w, /dinkes/media/"
                + PHOTO + "/1600 1600w\"");
        assertThat(home.body()).contains("<link rel=\"canonical\" href=\"https://portal.contohkab.go.id/\">");
    }

    @Test
    void the_home_is_light_and_has_no_script() {
        String html = get("/").body();
        int css = get("/assets/portal.css").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + css).isLessThan(100_000);
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void a_headline_whose_post_leaves_the_portal_is_no_longer_shown_and_unpinning_removes_it() throws SQLException {
        long post;
        try (Connection c = owner()) {
            post = post(c, "dinkes", "news", "Kabar Yang Sempat Disematkan", "visible", "2026-10-01 09:00+07", "");
        }
        pins.pin(Fixtures.SYSTEM, "dinkes", post);
        assertThat(Html.text(section(get("/").body(), "headlines"))).contains("Kabar Yang Sempat Disematkan");
        try (Connection c = owner()) {
            sql(c, "update post set portal_state = 'hidden' where id = " + post);
        }
        // A change behind the services' back: tell the page cache as moderation would.
        generations.bump(dinkes.id());
        assertThat(Html.text(get("/").body())).doesNotContain("Kabar Yang Sempat Disematkan");
        assertThat(Html.text(get("/dinkes").body())).contains("Kabar Yang Sempat Disematkan");
        pins.unpin(Fixtures.SYSTEM, "dinkes", post);
        try (Connection c = owner()) {
            sql(c, "update post set portal_state = 'visible' where id = " + post);
        }
        generations.bump(dinkes.id());
        assertThat(Html.text(section(get("/").body(), "headlines"))).doesNotContain("Kabar Yang Sempat Disematkan");
    }

    @Test
    void an_agency_site_shows_its_own_frame_menu_news_and_contact_and_keeps_posts_hidden_from_the_portal() {
        HttpResponse<String> site = get("/dinkes");
        assertThat(site.code()).isEqualTo(200);
        String html = site.body();
        String text = Html.text(html);
        assertThat(Html.text(section(html, "agency-header"))).contains("Dinas Kesehatan");
        String menu = Html.text(section(html, "site-menu"));
        assertThat(menu).contains("Beranda", "Berita", "Pengumuman", "Profil Dinas", "Visi dan Misi", "Dokumen PPID", "Galeri", "Pengaduan")
                .doesNotContain("Halaman Tanpa Menu");
        assertThat(menu.indexOf("Profil Dinas")).isLessThan(menu.indexOf("Visi dan Misi"));
        assertThat(html).contains("href=\"/dinkes/halaman/profil-dinas\"", "href=\"tel:0266123456\"");
        assertThat(text).contains("Posyandu Balita", "Kabar Tersembunyi dari Portal", "Kabar Menunggu Moderasi", "Jadwal Vaksinasi Lansia")
                .doesNotContain("Kabar Dicabut", "Kabar Yang Dihapus", "Draf Rahasia", "Perekaman KTP-el", "Layanan Keliling");
    }

    @Test
    void agency_a_addresses_never_show_agency_b_content() {
        assertThat(get("/dukcapil/berita/posyandu-balita-di-desa-mekarsari").code()).isEqualTo(404);
        assertThat(get("/dukcapil/halaman/profil-dinas").code()).isEqualTo(404);
        assertThat(get("/dukcapil/galeri/galeri-hari-kesehatan-nasional").code()).isEqualTo(404);
        assertThat(Html.text(get("/dukcapil/dokumen").body())).doesNotContain("Laporan Keuangan");
        assertThat(Html.text(get("/dukcapil/berita").body())).doesNotContain("Posyandu", "Imunisasi");
        assertThat(Html.text(get("/dukcapil/arsip/2026/10").body())).contains("Perekaman KTP-el").doesNotContain("Posyandu");
        // On dinkes' own host, dukcapil's post is not there either.
        assertThat(exchange(HttpRequest.GET("/berita/perekaman-ktp-el-pemula").header("Host", HOST)).code()).isEqualTo(404);
    }

    @Test
    void removed_deleted_and_draft_posts_have_no_page_and_hidden_or_pending_ones_stay_on_the_agency_site() {
        assertThat(get("/dinkes/berita/kabar-dicabut-moderator").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/kabar-yang-dihapus").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/draf-rahasia-dinkes").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/kabar-tersembunyi-dari-portal").code()).isEqualTo(200);
        assertThat(get("/dinkes/berita/kabar-menunggu-moderasi").code()).isEqualTo(200);
        assertThat(Html.text(get("/berita").body())).doesNotContain("Kabar Tersembunyi", "Kabar Menunggu", "Kabar Dicabut");
        assertThat(Html.text(get("/kategori/kesehatan").body())).contains("Posyandu Balita")
                .doesNotContain("Kabar Tersembunyi", "Kabar Dicabut");
    }

    @Test
    void a_post_page_shows_agency_chosen_date_category_tags_featured_image_and_related_posts() {
        HttpResponse<String> page = get("/dinkes/berita/posyandu-balita-di-desa-mekarsari");
        assertThat(page.code()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h1>Posyandu Balita di Desa Mekarsari</h1>",
                "datetime=\"2026-10-19T08:00+07:00\"", "href=\"/kategori/kesehatan\"",
                "alt=\"Bidan menimbang balita di posyandu\"", "srcset=\"/dinkes/media/" + PHOTO + "/480 480w");
        String text = Html.text(html);
        assertThat(text).contains("Dinas Kesehatan", "Terbit", "19 Oktober 2026", "Kesehatan", "balita", "imunisasi");
        assertThat(Html.text(section(html, "related"))).contains("Imunisasi Campak Serentak").doesNotContain("Posyandu");
        assertThat(text).doesNotContain("diperbarui");
    }

    @Test
    void a_post_page_head_has_the_canonical_address_on_the_agency_host_open_graph_and_json_ld() throws Exception {
        String html = get("/dinkes/berita/posyandu-balita-di-desa-mekarsari").body();
        String canonical = "https://dinkes.contohkab.go.id/berita/posyandu-balita-di-desa-mekarsari";
        assertThat(html).contains("<link rel=\"canonical\" href=\"" + canonical + "\">",
                "<meta property=\"og:title\" content=\"Posyandu Balita di Desa Mekarsari\">",
                "<meta property=\"og:url\" content=\"" + canonical + "\">",
                "<meta property=\"og:image\" content=\"https://portal.contohkab.go.id/dinkes/media/" + PHOTO + "/1600\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">");
        Map<String, Object> ld = jsonLd(html);
        assertThat(ld).containsEntry("@type", "NewsArticle").containsEntry("headline", "Posyandu Balita di Desa Mekarsari")
                .containsEntry("mainEntityOfPage", canonical).containsEntry("articleSection", "Kesehatan");
        assertThat(((Map<?, ?>) ld.get("publisher")).get("name")).isEqualTo("Dinas Kesehatan");
        // The date readers see (the display date) is the published one; unrevised, it was last modified when published.
        assertThat(java.time.OffsetDateTime.parse((String) ld.get("datePublished")).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-10-19T01:00:00Z"));
        assertThat(java.time.OffsetDateTime.parse((String) ld.get("dateModified")).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-10-20T02:00:00Z"));
        // Without a host of its own, the agency's address in the portal is canonical.
        String other = get("/dukcapil/berita/perekaman-ktp-el-pemula").body();
        assertThat(other).contains("<link rel=\"canonical\" href=\"https://portal.contohkab.go.id/dukcapil/berita/perekaman-ktp-el-pemula\">");
        assertThat(get("/dukcapil/berita/perekaman-ktp-el-pemula").header("Content-Security-Policy")).contains("script-src 'none'");
    }

    @Test
    void a_title_with_a_script_end_tag_cannot_break_out_of_the_json_ld() throws Exception {
        String html = get("/dinkes/berita/awas-hoaks").body();
        // The only "<script" in the page is the data block, and the first "</script>" closes it.
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html).contains("<script type=\"application/ld+json\">");
        Map<String, Object> ld = jsonLd(html);
        assertThat(ld.get("headline")).isEqualTo("Awas </script><script>alert(1)</script> Hoaks");
        assertThat(ld.get("description")).isEqualTo("Ringkasan \"kutip\" & <b>tebal</b>");
        assertThat(html).contains("<h1>Awas &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Hoaks</h1>");
    }

    @Test
    void a_post_taken_from_a_feed_links_to_its_original() {
        String html = get("/dinkes/berita/berita-dari-situs-lama-dinkes").body();
        assertThat(html).contains("href=\"https://lama.dinkes.contohkab.go.id/berita/1\"");
    }

    @Test
    void the_agency_is_read_at_its_own_host_with_host_relative_links() {
        HttpResponse<String> site = exchange(HttpRequest.GET("/").header("Host", HOST));
        assertThat(site.body()).contains("href=\"/halaman/profil-dinas\"", "href=\"/berita/posyandu-balita-di-desa-mekarsari\"");
        HttpResponse<String> post = exchange(HttpRequest.GET("/berita/posyandu-balita-di-desa-mekarsari").header("Host", HOST));
        assertThat(post.code()).isEqualTo(200);
        assertThat(Html.text(post.body())).contains("Posyandu Balita di Desa Mekarsari");
        assertThat(exchange(HttpRequest.GET("/halaman/profil-dinas").header("Host", HOST)).code()).isEqualTo(200);
        assertThat(Html.text(exchange(HttpRequest.GET("/dokumen").header("Host", HOST)).body())).contains("Laporan Keuangan 2025");
        assertThat(exchange(HttpRequest.GET("/galeri/galeri-hari-kesehatan-nasional").header("Host", HOST)).code()).isEqualTo(200);
        assertThat(exchange(HttpRequest.GET("/arsip/2026/10").header("Host", HOST)).code()).isEqualTo(200);
    }

    @Test
    void an_agency_page_searches_that_agency_and_advertises_its_feed() {
        for (String path : new String[] {"/dinkes", "/dinkes/berita/posyandu-balita-di-desa-mekarsari", "/dinkes/dokumen"}) {
            String html = get(path).body();
            assertThat(html).as(path).contains("class=\"search-box\" method=\"get\" action=\"/dinkes/cari\"")
                    .contains("type=\"application/rss+xml\" href=\"/dinkes/feed.xml\"");
        }
        // The district's pages search the district and advertise only the portal's feeds.
        String home = get("/").body();
        assertThat(home).contains("action=\"/cari\"").doesNotContain("/dinkes/feed.xml");
        // On the agency's own host its paths have no slug: "/cari" and "/feed.xml" there are the agency's.
        String own = exchange(HttpRequest.GET("/berita/posyandu-balita-di-desa-mekarsari").header("Host", HOST)).body();
        assertThat(own).contains("action=\"/cari\"", "href=\"/feed.xml\"").doesNotContain("/dinkes/cari");
    }

    @Test
    void a_menu_page_shows_its_content_under_halaman() {
        HttpResponse<String> page = get("/dinkes/halaman/profil-dinas");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Profil Dinas</h1>").doesNotContain("application/ld+json");
        assertThat(get("/dinkes/halaman/posyandu-balita-di-desa-mekarsari").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/profil-dinas").code()).isEqualTo(404);
    }

    @Test
    void the_documents_list_filters_by_ppid_category_and_year_and_links_the_file() {
        String all = get("/dinkes/dokumen").body();
        assertThat(Html.text(all)).contains("Laporan Keuangan 2025", "Daftar Informasi Setiap Saat 2024", "Informasi berkala", "PDF");
        assertThat(all).contains("href=\"/dinkes/media/" + PDF + "/original\"");
        assertThat(Html.text(get("/dinkes/dokumen?kategori=berkala").body())).contains("Laporan Keuangan 2025")
                .doesNotContain("Daftar Informasi Setiap Saat 2024");
        assertThat(Html.text(get("/dinkes/dokumen?tahun=2024").body())).contains("Daftar Informasi Setiap Saat 2024")
                .doesNotContain("Laporan Keuangan 2025");
        assertThat(get("/dinkes/dokumen?kategori=rahasia").code()).isEqualTo(400);
        assertThat(get("/dinkes/dokumen?tahun=duaribu").code()).isEqualTo(400);
    }

    @Test
    void a_gallery_shows_thumbnails_with_srcset_and_youtube_as_a_link_without_frames() {
        String list = get("/dinkes/galeri").body();
        assertThat(list).contains("href=\"/dinkes/galeri/galeri-hari-kesehatan-nasional\"", "/dinkes/media/" + PHOTO2 + "/480 480w");
        String page = get("/dinkes/galeri/galeri-hari-kesehatan-nasional").body();
        assertThat(page).contains("srcset=\"/dinkes/media/" + PHOTO2 + "/480 480w, /dinkes/media/" + PHOTO2 + "/960 960w\"",
                "loading=\"lazy\"", "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"", "Senam pagi bersama")
                .doesNotContain("<iframe");
    }

    @Test
    void lists_are_paged_by_twenty_and_bad_page_numbers_get_a_friendly_answer() {
        String first = get("/dukcapil/berita").body();
        assertThat(first).contains("href=\"/dukcapil/berita?halaman=2\"").doesNotContain("rel=\"prev\"");
        HttpResponse<String> second = get("/dukcapil/berita?halaman=2");
        assertThat(second.code()).isEqualTo(200);
        assertThat(second.body()).contains("href=\"/dukcapil/berita\"", "Halaman 2").doesNotContain("rel=\"next\"");
        assertThat(get("/dukcapil/berita?halaman=3").code()).isEqualTo(404);
        for (String bad : new String[] {"abc", "0", "-1", "99999999999", "1.5"}) {
            HttpResponse<String> page = get("/dukcapil/berita?halaman=" + bad);
            assertThat(page.code()).as(bad).isEqualTo(400);
            assertThat(Html.text(page.body())).as(bad).contains("Alamat tidak dapat dibaca");
        }
        assertThat(get("/berita?halaman=2").code()).isEqualTo(200);
        assertThat(get("/berita?halaman=zz").code()).isEqualTo(400);
        assertThat(get("/pengumuman").code()).isEqualTo(200);
        assertThat(Html.text(get("/pengumuman").body())).contains("Jadwal Vaksinasi Lansia").doesNotContain("Posyandu");
    }

    @Test
    void archives_list_months_and_show_a_month_with_bad_months_not_found() {
        String portal = get("/arsip").body();
        assertThat(portal).contains("href=\"/arsip/2026/10\"", "href=\"/arsip/2026/08\"");
        assertThat(Html.text(portal)).contains("Oktober 2026");
        assertThat(Html.text(get("/arsip/2026/08").body())).contains("Layanan Keliling Kecamatan 25").doesNotContain("Posyandu");
        assertThat(Html.text(get("/arsip/2026/08?halaman=2").body())).contains("Layanan Keliling Kecamatan 3")
                .doesNotContain("Layanan Keliling Kecamatan 25");
        assertThat(Html.text(get("/dinkes/arsip").body())).contains("Oktober 2026").doesNotContain("Agustus 2026");
        assertThat(get("/dinkes/arsip/2026/13").code()).isEqualTo(404);
        assertThat(get("/arsip/20x6/10").code()).isEqualTo(404);
        assertThat(get("/arsip/2020/01").code()).isEqualTo(200);
        assertThat(get("/arsip/2020/01?halaman=2").code()).isEqualTo(404);
    }

    @Test
    void unknown_categories_agencies_and_paths_are_not_found_and_english_works() {
        assertThat(get("/kategori/tidak-ada").code()).isEqualTo(404);
        assertThat(get("/tidak-ada/berita").code()).isEqualTo(404);
        assertThat(get("/dinkes/tidak-ada").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/a/b").code()).isEqualTo(404);
        assertThat(Html.text(get("/?lang=en").body())).contains("Headlines", "Agencies", "Latest news");
    }

    private Map<String, Object> jsonLd(String html) throws java.io.IOException {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).doesNotContain("<", ">");
        return json.readValue(m.group(1), Argument.mapOf(String.class, Object.class));
    }

    /** The element with this id, up to its closing tag at the same nesting (enough for these pages). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int depth = 0;
        int i = open;
        Pattern p = Pattern.compile("<(/?)" + tag + "[\\s>]");
        Matcher m = p.matcher(html);
        while (m.find(i)) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            i = m.end();
            if (depth == 0) {
                return html.substring(open, m.end());
            }
        }
        return html.substring(open);
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

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
    }

    private static void sql(Connection c, String sql) throws SQLException {
        c.createStatement().execute(sql);
    }

    private static void media(Connection c, UUID id, String kind, String variants, String alt) throws SQLException {
        sql(c, "insert into media (tenant_id, id, kind, content_type, file_name, byte_size, width, height, variants, alt_text) "
                + "select id, '" + id + "', '" + kind + "', 'image/webp', 'foto.webp', 1000, 1600, 1067, '" + variants + "', "
                + (alt == null ? "null" : "'" + alt + "'") + " from tenant where slug = 'dinkes'");
    }

    /** A published post straight in the table, with {@code extra} column assignments. */
    private static long post(Connection c, String tenant, String kind, String title, String portalState, String publishedAt,
                             String extra) throws SQLException {
        String slug = title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        var statement = c.prepareStatement("insert into post (tenant_id, kind, status, title, slug, summary, body_html, "
                + "first_published_at, published_at, portal_state) select id, ?, 'published', ?, ?, ?, ?, ?::timestamptz, "
                + "?::timestamptz, ? from tenant where slug = ? returning id");
        statement.setString(1, kind);
        statement.setString(2, title);
        statement.setString(3, slug);
        statement.setString(4, "Ringkasan " + title + ".");
        statement.setString(5, "<p>Isi " + kind + ".</p>");
        statement.setString(6, publishedAt);
        statement.setString(7, publishedAt);
        statement.setString(8, portalState);
        statement.setString(9, tenant);
        var rs = statement.executeQuery();
        rs.next();
        long id = rs.getLong(1);
        if (!extra.isEmpty()) {
            sql(c, "update post set " + extra + " where id = " + id);
        }
        return id;
    }
}
