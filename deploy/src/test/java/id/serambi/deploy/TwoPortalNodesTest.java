package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.database.DataSourceSettings;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestDatabases;
import id.serambi.db.DatabaseConnections;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Two portal nodes and one admin node, each its own application and server, against one database: a post
 * published on the admin node is on both portal nodes' cached pages within a second (NOTIFY, not expiry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPortalNodesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DatabaseConnections database;
    private ApplicationContext admin;
    private EmbeddedServer portalA;
    private EmbeddedServer portalB;

    @BeforeAll
    void start() throws IOException {
        database = TestDatabases.fresh(getClass());
        admin = node("admin", DataSourceSettings.forAdmin(database));
        portalA = node("portal", DataSourceSettings.forPortal(database)).getBean(EmbeddedServer.class);
        portalB = node("portal", DataSourceSettings.forPortal(database)).getBean(EmbeddedServer.class);
        Fixtures.tenantWithAdmin(admin.getBean(TenantService.class), "dinkes", "Dinas Kesehatan");
    }

    private ApplicationContext node(String role, Map<String, Object> datasource) throws IOException {
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("serambi.media.dir", Files.createTempDirectory("serambi-nodes-media-").toString());
        ApplicationContext context = ApplicationContext.builder().environments(role).properties(properties).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    @AfterAll
    void stop() {
        for (var server : new EmbeddedServer[] {portalA, portalB}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void a_post_published_on_the_admin_node_is_on_both_portal_nodes_within_a_second() {
        for (EmbeddedServer portal : List.of(portalA, portalB)) {
            for (String path : List.of("/", "/dinkes")) {
                get(portal, path);
                HttpResponse<String> again = get(portal, path);
                assertThat(again.headers().firstValue("X-Serambi-Cache")).as(path).contains("hit");
                assertThat(again.body()).doesNotContain("Posyandu Lansia Serentak");
            }
        }

        Actor writer = Fixtures.signIn(admin.getBean(AccountService.class), admin.getBean(SessionService.class), "admin-dinkes");
        PostService posts = admin.getBean(PostService.class);
        var draft = posts.createDraft(writer, "dinkes", new PostDraft("Posyandu Lansia Serentak", "Pemeriksaan gratis.",
                "<p>Di seluruh kecamatan.</p>", null));
        posts.publish(writer, "dinkes", draft.id());
        long published = System.nanoTime();

        for (EmbeddedServer portal : List.of(portalA, portalB)) {
            for (String path : List.of("/", "/dinkes")) {
                awaitUntil(published, Duration.ofSeconds(1), portal, path, body -> body.contains("Posyandu Lansia Serentak"));
            }
        }
        assertThat(get(portalA, "/dinkes/berita/posyandu-lansia-serentak").statusCode()).isEqualTo(200);
    }

    /** Polls the page until it satisfies the condition, failing if that takes longer than {@code limit} from {@code since}. */
    private static void awaitUntil(long since, Duration limit, EmbeddedServer portal, String path, Predicate<String> condition) {
        while (true) {
            if (condition.test(get(portal, path).body())) {
                return;
            }
            if (System.nanoTime() - since > limit.toNanos()) {
                throw new AssertionError(path + " on " + portal.getURL() + " was not fresh within " + limit);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
