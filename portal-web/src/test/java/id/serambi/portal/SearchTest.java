package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * A reader searching: across the portal and within one agency, ranked, stemmed, typo-tolerant, highlighted
 * without letting stored text become markup, filtered, and never showing what readers may not see.
 */
@MicronautTest(environments = "portal", transactional = false)
class SearchTest extends DatabaseTest {
    private static final Pattern RESULT_TITLES = Pattern.compile("<li class=\"search-hit\">\\s*<h2><a href=\"([^\"]+)\">");

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    private Actor pupr;
    private Actor dinkes;

    @BeforeAll
    void agenciesWithNews() {
        Fixtures.tenantWithAdmin(tenants, "pupr", "Dinas Pekerjaan Umum dan Penataan Ruang");
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        pupr = Fixtures.signIn(accounts, sessions, "admin-pupr");
        dinkes = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Actor dukcapil = Fixtures.signIn(accounts, sessions, "admin-dukcapil");

        publish(pupr, "pupr", "Musrenbang Kecamatan Sukamaju 2026", null, "<p>Warga membahas usulan jalan desa dan irigasi.</p>");
        publish(pupr, "pupr", "Pemerintah Membangun Jembatan Gantung di Desa Cibeureum", null,
                "<p>Jembatan sepanjang 40 meter menghubungkan dua dusun.</p>");
        // The title match is older, so only its rank can put it first.
        publish(dinkes, "dinkes", "Jadwal Vaksinasi Polio untuk Balita", null, "<p>Datang ke puskesmas terdekat.</p>");
        publish(dinkes, "dinkes", "Kegiatan Posyandu Bulan November", null,
                "<p>Kader menimbang balita, dan petugas memberi vaksinasi lanjutan bagi yang belum lengkap.</p>");
        publish(dukcapil, "dukcapil", "Awas <script>alert(1)</script> Penipuan Atas Nama Petugas", null,
                "<p>Jangan percaya pesan berisi &lt;script&gt;alert('curang')&lt;/script&gt; dari orang tak dikenal.</p>"
                        + "<script>alert('disimpan')</script>");

        publish(pupr, "pupr", "Revitalisasi Pasar Rakyat Sukamaju", null, "<p>Pasar baru dengan atap kokoh.</p>");
        publish(pupr, "pupr", "Penutupan Pasar Sementara", "announcement", "<p>Selama perbaikan saluran air.</p>");
        publish(dinkes, "dinkes", "Pemeriksaan Jajanan di Pasar Tradisional", null, "<p>Petugas menguji sampel makanan.</p>");
        Post old = publish(pupr, "pupr", "Pasar Murah Awal Tahun", null, "<p>Harga sembako lebih rendah.</p>");
        sql("update post set published_at = '2025-01-15T09:00:00+07', first_published_at = '2025-01-15T09:00:00+07' "
                + "where id = " + old.id().value());

        // Readers of the portal may see none of these; the agency's own site shows the hidden and pending ones.
        setPortalState(publish(pupr, "pupr", "Pasar Malam Disembunyikan dari Portal", null, "<p>x</p>"), "hidden");
        setPortalState(publish(pupr, "pupr", "Pasar Hewan Menunggu Moderasi", null, "<p>x</p>"), "pending");
        setPortalState(publish(pupr, "pupr", "Pasar Gelap Diturunkan Moderator", null, "<p>x</p>"), "removed");
        Post deleted = publish(pupr, "pupr", "Pasar Ikan Sudah Dihapus", null, "<p>x</p>");
        sql("update post set deleted_at = now() where id = " + deleted.id().value());
        posts.createDraft(pupr, "pupr", new PostDraft("Pasar Draf Belum Terbit", null, "<p>x</p>", null));
    }

    @Test
    void a_title_match_ranks_above_a_body_match_even_when_older() {
        List<String> found = resultLinks(get("/cari?q=vaksinasi").body());
        assertThat(found).containsExactly("/dinkes/berita/jadwal-vaksinasi-polio-untuk-balita",
                "/dinkes/berita/kegiatan-posyandu-bulan-november");
    }

    @Test
    void indonesian_stemming_finds_membangun_when_searching_bangun() {
        // The indonesian snowball stemmer takes the prefix off: "membangun" and "bangun" are one lexeme.
        String stem = DirectSql.query(database, db -> String.valueOf(db.fetchValue("select to_tsvector('indonesian', 'membangun')::text")));
        assertThat(stem).isEqualTo("'bangun':1");
        HttpResponse<String> page = get("/cari?q=bangun");
        assertThat(page.code()).isEqualTo(200);
        assertThat(resultLinks(page.body())).containsExactly("/pupr/berita/pemerintah-membangun-jembatan-gantung-di-desa-cibeureum");
        assertThat(page.body()).contains("<mark>Membangun</mark>");
    }

    @Test
    void a_typo_in_a_title_word_still_finds_the_post_and_suggests_the_right_word() {
        HttpResponse<String> page = get("/cari?q=musrenbng");
        assertThat(page.code()).isEqualTo(200);
        assertThat(resultLinks(page.body())).containsExactly("/pupr/berita/musrenbang-kecamatan-sukamaju-2026");
        String text = Html.text(page.body());
        assertThat(text).contains("Tidak ada yang cocok persis dengan \"musrenbng\"", "Mungkin maksud Anda: musrenbang");
        assertThat(page.body()).contains("href=\"/cari?q=musrenbang\"");
    }

    @Test
    void snippets_mark_the_matched_words_and_stored_text_never_becomes_markup() {
        HttpResponse<String> page = get("/cari?q=penipuan+petugas");
        assertThat(resultLinks(page.body())).hasSize(1).allMatch(link -> link.startsWith("/dukcapil/berita/awas-"));
        String results = page.body().substring(page.body().indexOf("id=\"search-results\""));
        // The title is plain text: its angle brackets are shown, escaped, around a marked word.
        assertThat(results).contains("Awas &lt;script&gt;alert(1)&lt;/script&gt; <mark>Penipuan</mark> Atas Nama <mark>Petugas</mark>");
        assertThat(page.body()).doesNotContain("<script", "alert('disimpan')");
        // Only <mark> is added: every other tag in the results list is the template's own.
        Matcher tags = Pattern.compile("<(/?)([a-z0-9]+)").matcher(results.substring(0, results.indexOf("</ol>")));
        while (tags.find()) {
            assertThat(tags.group(2)).isIn("li", "h2", "a", "mark", "p", "time");
        }
        assertThat(Html.text(get("/cari?q=pesan+curang").body())).contains("pesan berisi");
    }

    @Test
    void a_title_with_tag_like_text_is_shown_as_written_and_escaped() {
        // Two payloads of the XSS corpus: ts_headline's parser knows tags, and the title must come out whole anyway.
        List<String> titles = List.of("<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>",
                "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>");
        for (String title : titles) {
            publish(dinkes, "dinkes", title, null, "<p>Kabar zqtagjudul untuk pembaca.</p>");
        }
        HttpResponse<String> page = get("/cari?q=zqtagjudul");
        assertThat(resultLinks(page.body())).hasSize(2);
        for (String title : titles) {
            assertThat(page.body()).contains(">" + title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</a>");
        }
        assertThat(page.body()).doesNotContain("<img", "<form><math");
    }

    @Test
    void a_profile_page_found_by_search_links_to_its_own_address_not_to_the_news() {
        publish(pupr, "pupr", "Struktur Organisasi Bidang Bina Marga", "page", "<p>Bagan bidang dan seksi.</p>");
        assertThat(resultLinks(get("/cari?q=bina+marga").body()))
                .containsExactly("/pupr/halaman/struktur-organisasi-bidang-bina-marga");
    }

    @Test
    void filters_narrow_by_agency_kind_and_date() {
        assertThat(resultLinks(get("/cari?q=pasar").body())).containsExactlyInAnyOrder(
                "/pupr/berita/revitalisasi-pasar-rakyat-sukamaju", "/pupr/berita/penutupan-pasar-sementara",
                "/dinkes/berita/pemeriksaan-jajanan-di-pasar-tradisional", "/pupr/berita/pasar-murah-awal-tahun");
        assertThat(resultLinks(get("/cari?q=pasar&instansi=dinkes").body()))
                .containsExactly("/dinkes/berita/pemeriksaan-jajanan-di-pasar-tradisional");
        assertThat(resultLinks(get("/cari?q=pasar&jenis=announcement").body()))
                .containsExactly("/pupr/berita/penutupan-pasar-sementara");
        assertThat(resultLinks(get("/cari?q=pasar&dari=2025-01-01&sampai=2025-01-31").body()))
                .containsExactly("/pupr/berita/pasar-murah-awal-tahun");
        assertThat(resultLinks(get("/cari?q=pasar&dari=2025-02-01").body())).hasSize(3)
                .doesNotContain("/pupr/berita/pasar-murah-awal-tahun");
        // The form keeps what the reader chose.
        String page = get("/cari?q=pasar&instansi=dinkes&jenis=news").body();
        assertThat(page).contains("<option value=\"dinkes\" selected>", "<option value=\"news\" selected>");
    }

    @Test
    void the_portal_never_shows_hidden_pending_removed_deleted_or_unpublished_posts() {
        String portal = Html.text(get("/cari?q=pasar").body());
        assertThat(portal).doesNotContain("Disembunyikan", "Menunggu Moderasi", "Diturunkan", "Dihapus", "Draf");
        // Neither do the typo-tolerant titles.
        assertThat(Html.text(get("/cari?q=disembunyikn").body())).doesNotContain("Pasar Malam Disembunyikan");
    }

    @Test
    void an_agency_search_stays_in_the_agency_and_includes_what_is_hidden_only_from_the_portal() {
        List<String> pupr = resultLinks(get("/pupr/cari?q=pasar").body());
        assertThat(pupr).contains("/pupr/berita/pasar-malam-disembunyikan-dari-portal", "/pupr/berita/pasar-hewan-menunggu-moderasi",
                "/pupr/berita/revitalisasi-pasar-rakyat-sukamaju");
        assertThat(pupr).allMatch(link -> link.startsWith("/pupr/"));
        assertThat(pupr).doesNotContain("/pupr/berita/pasar-gelap-diturunkan-moderator", "/pupr/berita/pasar-ikan-sudah-dihapus",
                "/pupr/berita/pasar-draf-belum-terbit");
        assertThat(resultLinks(get("/dukcapil/cari?q=pasar").body())).isEmpty();
        assertThat(get("/tidak-ada/cari?q=pasar").code()).isEqualTo(404);
        // A filter by agency makes no sense inside one.
        assertThat(get("/pupr/cari?q=pasar&instansi=dinkes").code()).isEqualTo(400);
    }

    @Test
    void on_an_agencys_own_host_cari_searches_that_agency() {
        sql("insert into tenant_domain (tenant_id, host) select id, 'dinkes.contohkab.go.id' from tenant where slug = 'dinkes'");
        HttpResponse<String> page = exchange(HttpRequest.GET("/cari?q=pasar").header("Host", "dinkes.contohkab.go.id"));
        // On its own host the agency's site starts at "/": the result link is followed there and opens the post.
        assertThat(resultLinks(page.body())).containsExactly("/berita/pemeriksaan-jajanan-di-pasar-tradisional");
        HttpResponse<String> post = exchange(HttpRequest.GET("/berita/pemeriksaan-jajanan-di-pasar-tradisional")
                .header("Host", "dinkes.contohkab.go.id"));
        assertThat(post.code()).isEqualTo(200);
        assertThat(post.body()).contains("Pemeriksaan Jajanan di Pasar Tradisional");
    }

    @Test
    void nothing_found_offers_the_latest_news_and_a_search_without_filters() {
        HttpResponse<String> page = get("/cari?q=zqxwv&jenis=page");
        assertThat(page.code()).isEqualTo(200);
        String text = Html.text(page.body());
        assertThat(text).contains("Tidak ditemukan hasil untuk \"zqxwv\"", "Periksa ejaan", "Berita terbaru");
        assertThat(page.body()).contains("id=\"search-latest\"", "href=\"/cari?q=zqxwv\" id=\"search-without-filters\"");
        assertThat(resultLinks(page.body())).isEmpty();
    }

    @Test
    void an_empty_search_shows_the_form_with_labels() {
        HttpResponse<String> page = get("/cari");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"search-q\">Kata pencarian</label>", "id=\"search-q\"",
                "<label for=\"search-from\">", "<label for=\"search-agency\">", "Dinas Kesehatan");
        assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");
    }

    @Test
    void results_are_paged() {
        for (int i = 1; i <= 11; i++) {
            publish(dinkes, "dinkes", "Lomba Kebersihan Lingkungan Tahap " + i, null, "<p>Lomba antar RT.</p>");
        }
        String first = get("/cari?q=lomba").body();
        assertThat(resultLinks(first)).hasSize(10);
        assertThat(Html.text(first)).contains("11 hasil untuk \"lomba\"", "Halaman 1 dari 2");
        assertThat(first).contains("href=\"/cari?q=lomba&amp;halaman=2\" rel=\"next\"");
        assertThat(resultLinks(get("/cari?q=lomba&halaman=2").body())).hasSize(1);
        HttpResponse<String> beyond = get("/cari?q=lomba&halaman=3");
        assertThat(beyond.code()).isEqualTo(400);
        assertThat(Html.text(beyond.body())).contains("hanya punya 2 halaman");
    }

    @Test
    void bad_input_gets_a_friendly_400_page_in_indonesian() {
        String tooLong = URLEncoder.encode("pasar ".repeat(40), StandardCharsets.UTF_8);
        assertBadRequest("/cari?q=" + tooLong, "terlalu panjang: paling banyak 200 karakter");
        assertBadRequest("/cari?q=pasar&dari=2026-13-45", "Tanggal tidak dikenali");
        assertBadRequest("/cari?q=pasar&sampai=kemarin", "Tanggal tidak dikenali");
        assertBadRequest("/cari?q=pasar&dari=2026-02-01&sampai=2026-01-01", "Tanggal awal harus sebelum");
        assertBadRequest("/cari?q=pasar&jenis=rahasia", "Jenis konten yang dipilih tidak dikenal");
        assertBadRequest("/cari?q=pasar&instansi=tidak-ada", "Perangkat daerah yang dipilih tidak dikenal");
        for (String page : new String[] {"0", "-1", "abc", "101", "99999999999"}) {
            assertBadRequest("/cari?q=pasar&halaman=" + page, "Halaman hasil tidak ada");
        }
        // Characters PostgreSQL would refuse are dropped, not a server error.
        assertThat(get("/cari?q=pas%00ar%01").code()).isEqualTo(200);
        assertThat(get("/cari?q=" + URLEncoder.encode("\"pasar\" -or !!! :* & | <>", StandardCharsets.UTF_8)).code()).isEqualTo(200);
    }

    @Test
    void every_page_has_a_labelled_search_box_in_the_header() {
        String home = get("/").body();
        assertThat(home).contains("<form class=\"search-box\" method=\"get\" action=\"/cari\" role=\"search\">",
                "<label for=\"site-search\">Cari</label>");
        assertThat(get("/pupr/cari?q=x").body()).contains("action=\"/pupr/cari\" role=\"search\"");
    }

    private void assertBadRequest(String path, String message) {
        HttpResponse<String> page = get(path);
        assertThat(page.code()).as(path).isEqualTo(400);
        assertThat(Html.text(page.body())).as(path).contains("Pencarian belum dapat dijalankan", message);
    }

    private static List<String> resultLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = RESULT_TITLES.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    private Post publish(Actor actor, String tenant, String title, String kind, String body) {
        Post draft = posts.createDraft(actor, tenant, new PostDraft(title, null, body, kind));
        return posts.publish(actor, tenant, draft.id());
    }

    private void setPortalState(Post post, String state) {
        sql("update post set portal_state = '" + state + "' where id = " + post.id().value());
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
