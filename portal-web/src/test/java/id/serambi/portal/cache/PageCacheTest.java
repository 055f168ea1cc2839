package id.serambi.portal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

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
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The portal's page cache: hits, validators and 304s, freshness after a change, what is never kept, gzip. */
@MicronautTest(environments = "portal", transactional = false)
class PageCacheTest extends DatabaseTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject EmbeddedServer server;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject PageCache cache;

    private Actor admin;

    @BeforeAll
    void anAgencyWithNews() {
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        publish("Posyandu Balita di Desa Mekarsari");
    }

    @Test
    void a_second_request_is_answered_from_the_cache_with_the_same_bytes() {
        HttpResponse<String> first = get("/dinkes?cache=first");
        HttpResponse<String> second = get("/dinkes?cache=first");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-Serambi-Cache")).isEqualTo("miss");
        assertThat(header(second, "X-Serambi-Cache")).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body()).contains("Posyandu Balita di Desa Mekarsari");
        assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag")).matches("\"[A-Za-z0-9_-]{24}\"");
        assertThat(header(second, "Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=300");
        assertThat(header(second, "Vary")).contains("Accept-Encoding");
        // The security headers are the filter's own, not a cached copy's.
        assertThat(header(second, "Content-Security-Policy")).contains("script-src 'none'");
    }

    @Test
    void a_matching_etag_or_an_unchanged_date_answers_304_and_an_older_date_the_page() {
        HttpResponse<String> page = get("/dinkes?cache=validators");
        String etag = header(page, "ETag");
        String lastModified = header(page, "Last-Modified");
        assertThat(lastModified).isNotNull();

        HttpResponse<String> byEtag = send(request("/dinkes?cache=validators").header("If-None-Match", etag));
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(header(byEtag, "ETag")).isEqualTo(etag);

        assertThat(send(request("/dinkes?cache=validators").header("If-None-Match", "\"lain\"")).statusCode()).isEqualTo(200);
        assertThat(send(request("/dinkes?cache=validators").header("If-Modified-Since", lastModified)).statusCode())
                .isEqualTo(304);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1).withZoneSameInstant(ZoneOffset.UTC));
        assertThat(send(request("/dinkes?cache=validators").header("If-Modified-Since", earlier)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_publication_on_this_node_shows_at_once() {
        assertThat(get("/").body()).doesNotContain("Imunisasi Campak Serentak");
        assertThat(header(get("/"), "X-Serambi-Cache")).isEqualTo("hit");
        publish("Imunisasi Campak Serentak");
        HttpResponse<String> after = get("/");
        assertThat(header(after, "X-Serambi-Cache")).isEqualTo("miss");
        assertThat(after.body()).contains("Imunisasi Campak Serentak");
        assertThat(get("/dinkes").body()).contains("Imunisasi Campak Serentak");
    }

    @Test
    void a_change_committed_elsewhere_reaches_this_node_through_notify_within_a_second() throws SQLException {
        get("/dinkes/berita/posyandu-balita-di-desa-mekarsari");
        assertThat(header(get("/dinkes/berita/posyandu-balita-di-desa-mekarsari"), "X-Serambi-Cache")).isEqualTo("hit");
        // Another node's commit, as the database sees it: the row changes, the generation moves, NOTIFY goes out.
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            c.createStatement().execute("update post set summary = 'Diubah di simpul lain.' where slug = 'posyandu-balita-di-desa-mekarsari'");
            c.createStatement().execute("update cache_generation set generation = generation + 1 "
                    + "where scope in ('global', (select 'tenant:' || id from tenant where slug = 'dinkes'))");
            c.createStatement().execute("select pg_notify('serambi_cache', (select 'tenant:' || id from tenant where slug = 'dinkes'))");
            c.commit();
        }
        within(Duration.ofSeconds(1), () -> get("/dinkes/berita/posyandu-balita-di-desa-mekarsari").body()
                .contains("Diubah di simpul lain."));
    }

    @Test
    void after_losing_its_listen_connection_a_node_serves_nothing_stale_and_recovers() throws SQLException {
        get("/dinkes?cache=lost");
        assertThat(header(get("/dinkes?cache=lost"), "X-Serambi-Cache")).isEqualTo("hit");
        try (Connection c = owner()) {
            c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = '" + GenerationFeed.APPLICATION_NAME + "' and datname = current_database()");
            // While the node is deaf, a change lands without its hearing.
            c.createStatement().execute("update tenant set description = 'Melayani kesehatan warga.' where slug = 'dinkes'");
            c.createStatement().execute("update cache_generation set generation = generation + 1 "
                    + "where scope in ('global', (select 'tenant:' || id from tenant where slug = 'dinkes'))");
        }
        within(Duration.ofSeconds(5), () -> get("/dinkes?cache=lost").body().contains("Melayani kesehatan warga."));
        within(Duration.ofSeconds(5), () -> cache.live());
        get("/dinkes?cache=lost2");
        within(Duration.ofSeconds(5), () -> "hit".equals(header(get("/dinkes?cache=lost2"), "X-Serambi-Cache")));
    }

    @Test
    void answers_that_set_a_cookie_non_gets_and_not_found_pages_are_never_kept() {
        HttpResponse<String> english = get("/dinkes?lang=en");
        assertThat(english.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(header(english, "Cache-Control")).isEqualTo("private, no-store");
        assertThat(header(get("/dinkes?lang=en"), "X-Serambi-Cache")).isNull();

        HttpResponse<String> posted = send(request("/dinkes").POST(HttpRequest.BodyPublishers.ofString("a=b"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(header(posted, "X-Serambi-Cache")).isNull();

        assertThat(get("/tidak-ada-dinas-ini").statusCode()).isEqualTo(404);
        HttpResponse<String> missing = get("/tidak-ada-dinas-ini");
        assertThat(header(missing, "X-Serambi-Cache")).isNull();
        assertThat(header(missing, "Cache-Control")).isNull();
    }

    @Test
    void a_reader_with_a_language_cookie_gets_the_english_copy_privately() {
        HttpResponse<String> first = send(request("/dinkes?cache=cookie").header("Cookie", "serambi_lang=en"));
        HttpResponse<String> second = send(request("/dinkes?cache=cookie").header("Cookie", "serambi_lang=en"));
        HttpResponse<String> indonesian = get("/dinkes?cache=cookie");
        assertThat(header(second, "X-Serambi-Cache")).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body()).isNotEqualTo(indonesian.body());
        assertThat(header(second, "Cache-Control")).isEqualTo("private, no-cache");
        assertThat(header(indonesian, "Cache-Control")).startsWith("public");
    }

    @Test
    void large_text_goes_out_gzipped_made_once_with_its_own_etag() throws IOException {
        HttpResponse<byte[]> plain = HTTP_bytes(request("/?cache=gzip"));
        HttpResponse<byte[]> zipped = HTTP_bytes(request("/?cache=gzip").header("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> zippedAgain = HTTP_bytes(request("/?cache=gzip").header("Accept-Encoding", "gzip, deflate"));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zippedAgain.headers().firstValue("X-Serambi-Cache")).contains("hit");
        assertThat(zippedAgain.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zippedAgain.body())).readAllBytes()).isEqualTo(plain.body());
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).endsWith("-gz\"").isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(send(request("/?cache=gzip").header("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void feeds_and_sitemaps_are_kept_answer_304_and_show_a_new_post_at_once() {
        for (String path : new String[] {"/feed.xml", "/dinkes/atom.xml", "/dinkes/sitemap.xml", "/robots.txt"}) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            HttpResponse<String> second = get(path);
            assertThat(header(second, "X-Serambi-Cache")).as(path).isEqualTo("hit");
            assertThat(header(second, "Cache-Control")).as(path).isEqualTo("public, max-age=60, stale-while-revalidate=300");
            assertThat(send(request(path).header("If-None-Match", header(second, "ETag"))).statusCode()).as(path).isEqualTo(304);
        }
        publish("Pemeriksaan Gigi Gratis");
        assertThat(get("/feed.xml").body()).contains("Pemeriksaan Gigi Gratis");
        assertThat(get("/dinkes/atom.xml").body()).contains("Pemeriksaan Gigi Gratis");
        assertThat(get("/dinkes/sitemap.xml").body()).contains("pemeriksaan-gigi-gratis");
    }

    @Test
    void a_search_page_served_from_the_cache_still_tells_crawlers_not_to_index_it() {
        HttpResponse<String> first = get("/cari?q=posyandu");
        HttpResponse<String> second = get("/cari?q=posyandu");
        assertThat(header(second, "X-Serambi-Cache")).isEqualTo("hit");
        assertThat(header(first, "X-Robots-Tag")).isEqualTo("noindex");
        assertThat(header(second, "X-Robots-Tag")).isEqualTo("noindex");
        assertThat(header(get("/dinkes"), "X-Robots-Tag")).isNull();
    }

    private void publish(String title) {
        var draft = posts.createDraft(admin, "dinkes", new PostDraft(title, "Ringkasan.", "<p>Isi berita.</p>", null));
        posts.publish(admin, "dinkes", draft.id());
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
    }

    /** Polls until the condition holds, failing once the deadline has passed. */
    static void within(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> get(String path) {
        return send(request(path));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> HTTP_bytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
