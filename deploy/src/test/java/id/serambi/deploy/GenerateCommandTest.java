package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.serambi.core.database.DataSourceSettings;
import id.serambi.core.testing.TestDatabases;
import id.serambi.db.DatabaseConnections;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/** {@code serambi generate}: agencies and published posts with Indonesian text, which the portal then serves. */
class GenerateCommandTest {

    @Test
    void generates_the_asked_numbers_of_agencies_and_posts_and_the_portal_serves_them() throws Exception {
        DatabaseConnections db = TestDatabases.fresh(getClass());
        Map<String, String> env = Map.of("SERAMBI_DB_URL", db.jdbcUrl(), "SERAMBI_DB_USER", db.ownerUser(),
                "SERAMBI_DB_PASSWORD", db.ownerPassword());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SerambiMain.run(new String[] {"generate", "--tenants", "3", "--posts-per-tenant", "10"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generated 3 agencies and 30 posts");

        String firstTitle;
        String firstAgency;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            assertThat(count(c, "select count(*) from tenant")).isEqualTo(3);
            assertThat(count(c, "select count(*) from post where status = 'published'")).isEqualTo(30);
            assertThat(count(c, "select count(distinct kind) from post")).isGreaterThan(1);
            assertThat(count(c, "select count(*) from post where category_id is null or cardinality(tags) = 0")).isZero();
            assertThat(count(c, "select count(*) from cache_generation where scope like 'tenant:%'")).isEqualTo(3);
            assertThat(count(c, "select count(*) from media")).isEqualTo(12);
            // Spread over years, newest not in the future.
            assertThat(count(c, "select count(distinct extract(year from published_at)) from post")).isGreaterThan(1);
            assertThat(count(c, "select count(*) from post where published_at > now() or first_published_at > published_at")).isZero();
            try (ResultSet rs = c.createStatement().executeQuery("select p.title, t.slug from portal.post p "
                    + "join tenant t on t.id = p.tenant_id where p.portal_state = 'visible' and p.kind = 'news' "
                    // The order of the home's latest news: the date a post shows, newest first.
                    + "order by coalesce(p.display_date, p.published_at) desc, p.id desc limit 1")) {
                rs.next();
                firstTitle = rs.getString(1);
                firstAgency = rs.getString(2);
            }
        }
        assertThat(firstTitle).containsAnyOf("Rapat", "Musrenbang", "Sosialisasi", "Pengumuman", "Laporan", "Galeri",
                "Pelatihan", "Penyuluhan", "Kunjungan", "Gotong", "Peresmian", "Apel", "Forum", "Pencanangan", "Verifikasi",
                "Penyerahan", "Monitoring", "Bimbingan");

        Map<String, Object> properties = new HashMap<>(DataSourceSettings.forPortal(db));
        properties.put("micronaut.server.port", -1);
        properties.put("serambi.media.dir", Files.createTempDirectory("serambi-generate-media-").toString());
        try (ApplicationContext portal = ApplicationContext.builder().environments("portal").properties(properties).start()) {
            EmbeddedServer server = portal.getBean(EmbeddedServer.class).start();
            assertThat(get(server, "/")).contains(escape(firstTitle));
            assertThat(get(server, "/" + firstAgency)).contains(escape(firstTitle));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String get(EmbeddedServer server, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
