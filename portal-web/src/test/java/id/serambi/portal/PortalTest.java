package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
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

/** What a reader sees: the district home, agency sites, post pages, and a proper 404. */
@MicronautTest(environments = "portal", transactional = false)
class PortalTest extends DatabaseTest {
    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    @BeforeAll
    void twoAgenciesWithNews() throws SQLException {
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        Actor dinkes = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Actor dukcapil = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        publish(dinkes, "dinkes", "Posyandu Balita di Desa Mekarsari", "Pemeriksaan rutin balita.");
        publish(dukcapil, "dukcapil", "Perekaman KTP-el Pemula", "Bagi pelajar yang berusia 17 tahun.");
        posts.createDraft(dinkes, "dinkes", new PostDraft("Draf Rahasia Dinkes", null, "<p>belum terbit</p>", null));
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            c.createStatement().execute("insert into tenant_domain (tenant_id, host) "
                    + "select id, 'dinkes.contohkab.go.id' from tenant where slug = 'dinkes'");
        }
    }

    @Test
    void the_district_home_lists_published_news_of_every_agency_and_no_drafts() {
        String home = Html.text(get("/").body());
        assertThat(home).contains("Posyandu Balita di Desa Mekarsari", "Dinas Kesehatan",
                "Perekaman KTP-el Pemula", "Dinas Kependudukan dan Pencatatan Sipil", "Berita terbaru");
        assertThat(home).doesNotContain("Draf Rahasia Dinkes");
    }

    @Test
    void an_agency_site_shows_its_own_news_only() {
        HttpResponse<String> site = get("/dinkes");
        assertThat(site.code()).isEqualTo(200);
        assertThat(Html.text(site.body())).contains("Dinas Kesehatan", "Posyandu Balita")
                .doesNotContain("Perekaman KTP-el", "Draf Rahasia");
    }

    @Test
    void an_agency_is_found_by_its_own_host_name_first() {
        HttpResponse<String> site = exchange(HttpRequest.GET("/").header("Host", "dinkes.contohkab.go.id"));
        assertThat(Html.text(site.body())).contains("Posyandu Balita").doesNotContain("Perekaman KTP-el");
    }

    @Test
    void a_post_page_shows_the_title_agency_date_and_the_cleaned_body() {
        HttpResponse<String> page = get("/dinkes/berita/posyandu-balita-di-desa-mekarsari");
        assertThat(page.code()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h1>Posyandu Balita di Desa Mekarsari</h1>", "<p>Isi berita.</p>")
                .doesNotContain("<script>", "alert(1)"); // the JSON-LD data block is the page's one <script ...>
        assertThat(Html.text(html)).contains("Dinas Kesehatan", "Terbit");
    }

    @Test
    void an_updated_post_says_diperbarui_with_the_date_and_a_republication_alone_does_not() {
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        var draft = posts.createDraft(admin, "dinkes", new PostDraft("Imunisasi Campak", "Ringkasan.", "<p>Jadwal lama.</p>", null));
        posts.publish(admin, "dinkes", draft.id());
        // Taken offline and put back unchanged: not an update.
        posts.transition(admin, "dinkes", draft.id(), id.serambi.core.workflow.PostEvent.UNPUBLISH, "Periksa jadwal.", null);
        posts.publish(admin, "dinkes", draft.id());
        String before = Html.text(get("/dinkes/berita/imunisasi-campak").body());
        assertThat(before).contains("Terbit").doesNotContain("diperbarui");

        var updated = posts.update(admin, "dinkes", draft.id(), new id.serambi.core.post.PostEdit("Imunisasi Campak (jadwal baru)",
                "imunisasi-campak-2026", "Ringkasan.", "<p>Jadwal baru.</p>", null, "Jadwal imunisasi campak terbaru.", null));

        assertThat(get("/dinkes/berita/imunisasi-campak").code()).isEqualTo(404);
        String html = get("/dinkes/berita/imunisasi-campak-2026").body();
        String date = updated.revisedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        assertThat(html).contains("<h1>Imunisasi Campak (jadwal baru)</h1>", "<p>Jadwal baru.</p>",
                "<meta name=\"description\" content=\"Jadwal imunisasi campak terbaru.\">",
                "id=\"post-updated\"", "datetime=\"" + date);
        assertThat(Html.text(html)).contains("diperbarui");
    }

    @Test
    void a_post_asked_for_under_another_agency_is_not_found() {
        assertThat(get("/dukcapil/berita/posyandu-balita-di-desa-mekarsari").code()).isEqualTo(404);
        assertThat(get("/dinkes/berita/draf-rahasia-dinkes").code()).isEqualTo(404);
    }

    @Test
    void unknown_paths_get_the_portals_404_page_in_indonesian() {
        for (String path : new String[] {"/tidak-ada", "/dinkes/berita/tidak-ada", "/a/b/c/d", "/assets/tidak-ada.css"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.code()).as(path).isEqualTo(404);
            assertThat(Html.text(page.body())).as(path).contains("Halaman tidak ditemukan", "Kembali ke beranda");
        }
    }

    @Test
    void a_suspended_agency_site_shows_a_maintenance_notice_and_its_news_leaves_the_portal() {
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dishub");
        publish(admin, "dishub", "Uji Emisi Kendaraan Dinas", "Uji emisi gratis.");
        assertThat(Html.text(get("/").body())).contains("Uji Emisi Kendaraan Dinas");

        tenants.changeStatus(Fixtures.SYSTEM, "dishub", "suspended", "Pemeriksaan keamanan");
        HttpResponse<String> site = get("/dishub");
        assertThat(site.code()).isEqualTo(503);
        assertThat(Html.text(site.body())).contains("Dinas Perhubungan", "sedang dalam pemeliharaan")
                .doesNotContain("Uji Emisi");
        assertThat(get("/dishub/berita/uji-emisi-kendaraan-dinas").code()).isEqualTo(503);
        assertThat(Html.text(get("/").body())).doesNotContain("Uji Emisi Kendaraan Dinas");
    }

    @Test
    void readers_can_switch_to_english() {
        assertThat(Html.text(get("/?lang=en").body())).contains("Latest news from the district's agencies");
    }

    @Test
    void pages_forbid_every_script_keep_to_https_once_seen_and_the_stylesheet_revalidates_by_etag() {
        HttpResponse<String> home = get("/");
        assertThat(home.header("Content-Security-Policy")).contains("script-src 'none'");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(home.header("Strict-Transport-Security")).isNull();
        assertThat(exchange(HttpRequest.GET("/").header("X-Forwarded-Proto", "https")).header("Strict-Transport-Security"))
                .contains("max-age=31536000");
        HttpResponse<String> css = get("/assets/portal.css");
        assertThat(css.code()).isEqualTo(200);
        String etag = css.header("ETag");
        assertThat(exchange(HttpRequest.GET("/assets/portal.css").header("If-None-Match", etag)).code()).isEqualTo(304);
    }

    private void publish(Actor actor, String tenant, String title, String summary) {
        var draft = posts.createDraft(actor, tenant, new PostDraft(title, summary, "<p>Isi berita.</p><script>alert(1)</script>", null));
        posts.publish(actor, tenant, draft.id());
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
