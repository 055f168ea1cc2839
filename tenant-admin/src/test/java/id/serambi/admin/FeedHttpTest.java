package id.serambi.admin;

import static id.serambi.core.jooq.public_.Tables.AUDIT_LOG;
import static id.serambi.core.jooq.public_.Tables.EXTERNAL_FEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Registering an agency's own feed in the console and through the API, as production runs it (private
 * addresses refused): bad addresses are a 400 that says why in Indonesian; one agency never sees or touches
 * another's feed; Kominfo sees every agency's failing feeds.
 */
@MicronautTest(environments = "admin", transactional = false)
class FeedHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;

    String dinkes;
    String bappeda;
    String staff;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.feeds.enabled", "false");
        return properties;
    }

    @BeforeAll
    void twoAgenciesAndKominfo() {
        // Site admins who have chosen their own password (a first admin must change it before anything else).
        for (String slug : new String[] {"dinkes", "bappeda"}) {
            var tenant = Fixtures.tenantWithAdmin(tenants, slug, slug.equals("dinkes") ? "Dinas Kesehatan" : "Bappeda");
            accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("kepala-" + slug, "Kepala " + slug, null,
                    Fixtures.PASSWORD), Role.TENANT_ADMIN, false);
        }
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        dinkes = session("kepala-dinkes");
        bappeda = session("kepala-bappeda");
        staff = session("staf-kominfo");
    }

    // A session as after a completed sign-in (with its second step for Kominfo): this test is about feeds.
    private String session(String username) {
        if (!(accounts.authenticate(username, Fixtures.PASSWORD, "127.0.0.1", "test") instanceof LoginResult.SignedIn signedIn)) {
            throw new AssertionError("cannot sign in " + username);
        }
        return sessions.open(signedIn.account(), "127.0.0.1", "test");
    }

    private Reply register(String session, String slug, String url) {
        String token = csrf(session, "/admin/t/" + slug + "/feed");
        return send(withSession(session, form("/admin/t/" + slug + "/feed",
                "_csrf=" + token + "&url=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8))));
    }

    private long feedId(String url) {
        return DirectSql.query(database, db -> db.select(EXTERNAL_FEED.ID).from(EXTERNAL_FEED)
                .where(EXTERNAL_FEED.URL.eq(url)).fetchSingle(EXTERNAL_FEED.ID));
    }

    @Test
    void bad_addresses_are_refused_in_indonesian_on_the_form() {
        Reply ftp = register(dinkes, "dinkes", "ftp://dinkes.example/feed");
        assertThat(ftp.code()).isEqualTo(400);
        assertThat(Html.text(ftp.body())).contains("Alamat feed harus diawali http:// atau https://.");

        Reply tooLong = register(dinkes, "dinkes", "https://dinkes.example/" + "a".repeat(2000));
        assertThat(tooLong.code()).isEqualTo(400);
        assertThat(Html.text(tooLong.body())).contains("Alamat feed terlalu panjang (paling banyak 2.000 karakter).");

        for (String internal : new String[] {"http://127.0.0.1/feed", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/rss", "http://localhost:8080/feed"}) {
            Reply refused = register(dinkes, "dinkes", internal);
            assertThat(refused.code()).as(internal).isEqualTo(400);
            assertThat(Html.text(refused.body())).contains("menunjuk ke jaringan internal atau privat");
        }
        int stored = DirectSql.query(database, db -> db.fetchCount(EXTERNAL_FEED));
        assertThat(stored).isZero();
    }

    @Test
    void the_api_answers_a_bad_address_with_a_problem_naming_the_field() {
        Reply refused = send(HttpRequest.POST("/api/v1/tenants/dinkes/feeds", Map.of("url", "http://192.168.1.1/rss"))
                .bearerAuth(dinkes));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.contentType()).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"url\"", "jaringan internal atau privat");

        Reply notHttp = send(HttpRequest.POST("/api/v1/tenants/dinkes/feeds", Map.of("url", "file:///etc/passwd"))
                .bearerAuth(dinkes));
        assertThat(notHttp.code()).isEqualTo(400);
        assertThat(notHttp.body()).contains("harus diawali http:// atau https://");
        Reply missing = send(HttpRequest.POST("/api/v1/tenants/dinkes/feeds", Map.of()).bearerAuth(dinkes));
        assertThat(missing.code()).isEqualTo(400);
        assertThat(missing.body()).contains("Alamat feed wajib diisi.");
    }

    @Test
    void an_agency_manages_its_feed_and_no_other_agency_can_see_or_touch_it() {
        // A public address literal: no DNS needed, and never fetched here (the poller is off in this test).
        String url = "http://203.0.114.10/berita/feed.xml";
        Reply created = send(HttpRequest.POST("/api/v1/tenants/dinkes/feeds", Map.of("url", url)).bearerAuth(dinkes));
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).contains("\"url\":\"" + url + "\"", "\"enabled\":true");
        long id = feedId(url);

        Reply page = send(withSession(dinkes, HttpRequest.GET("/admin/t/dinkes/feed")));
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains(url, "Menunggu pembacaan pertama");
        assertThat(Html.text(send(withSession(dinkes, HttpRequest.GET("/admin/t/dinkes"))).body())).contains("Feed situs sendiri");

        // Bappeda's admin: the agency's pages and its feed do not exist for them
        assertThat(send(withSession(bappeda, HttpRequest.GET("/admin/t/dinkes/feed"))).code()).isEqualTo(404);
        assertThat(send(HttpRequest.GET("/api/v1/tenants/dinkes/feeds").bearerAuth(bappeda)).code()).isEqualTo(404);
        assertThat(send(HttpRequest.DELETE("/api/v1/tenants/dinkes/feeds/" + id).bearerAuth(bappeda)).code()).isEqualTo(404);
        assertThat(send(HttpRequest.PATCH("/api/v1/tenants/dinkes/feeds/" + id, Map.of("enabled", false))
                .bearerAuth(bappeda)).code()).isEqualTo(404);
        // nor through their own site with Dinkes's feed id
        assertThat(send(HttpRequest.DELETE("/api/v1/tenants/bappeda/feeds/" + id).bearerAuth(bappeda)).code()).isEqualTo(404);
        String bappedaToken = csrf(bappeda, "/admin/t/bappeda/feed");
        assertThat(send(withSession(bappeda, form("/admin/t/bappeda/feed/" + id + "/hapus", "_csrf=" + bappedaToken)))
                .code()).isEqualTo(404);
        assertThat(send(HttpRequest.GET("/api/v1/tenants/bappeda/feeds").bearerAuth(bappeda)).body()).isEqualTo("[]");

        // the owner switches it off in the console, and it is audited
        String token = csrf(dinkes, "/admin/t/dinkes/feed");
        Reply off = send(withSession(dinkes, form("/admin/t/dinkes/feed/" + id + "/aktif", "_csrf=" + token + "&enabled=false")));
        assertThat(off.code()).isEqualTo(303);
        boolean enabled = DirectSql.query(database, db -> db.select(EXTERNAL_FEED.ENABLED).from(EXTERNAL_FEED)
                .where(EXTERNAL_FEED.ID.eq(id)).fetchSingle(EXTERNAL_FEED.ENABLED));
        assertThat(enabled).isFalse();
        assertThat(Html.text(send(withSession(dinkes, HttpRequest.GET("/admin/t/dinkes/feed?saved=disabled"))).body()))
                .contains("Feed dimatikan", "Dimatikan");
        int audited = DirectSql.query(database, db -> db.fetchCount(AUDIT_LOG,
                AUDIT_LOG.ACTION.in("feed.register", "feed.disable")));
        assertThat(audited).isEqualTo(2);

        // a form without its token changes nothing
        assertThat(send(withSession(dinkes, form("/admin/t/dinkes/feed/" + id + "/hapus", "_csrf=salah"))).code())
                .isEqualTo(403);
        assertThat(send(HttpRequest.GET("/api/v1/tenants/dinkes/feeds").bearerAuth(dinkes)).body()).contains(url);
    }

    @Test
    void kominfo_staff_see_every_agencys_failing_feeds_but_register_none() {
        String url = "http://203.0.114.20/rss";
        assertThat(send(HttpRequest.POST("/api/v1/tenants/bappeda/feeds", Map.of("url", url)).bearerAuth(bappeda)).code())
                .isEqualTo(201);
        DirectSql.query(database, db -> db.update(EXTERNAL_FEED).set(EXTERNAL_FEED.CONSECUTIVE_FAILURES, 3)
                .set(EXTERNAL_FEED.LAST_ERROR, "Server situs tidak menjawab dalam 10 detik.")
                .where(EXTERNAL_FEED.URL.eq(url)).execute());

        Reply page = send(withSession(staff, HttpRequest.GET("/admin/feed")));
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Bappeda", url, "Gagal 3 kali berturut-turut",
                "Server situs tidak menjawab dalam 10 detik.");
        assertThat(send(HttpRequest.GET("/api/v1/feeds?failing=true").bearerAuth(staff)).body())
                .contains(url, "\"consecutiveFailures\":3");
        assertThat(send(HttpRequest.GET("/api/v1/feeds").bearerAuth(dinkes)).code()).isEqualTo(403);
        assertThat(send(HttpRequest.POST("/api/v1/tenants/bappeda/feeds", Map.of("url", "http://203.0.114.30/rss"))
                .bearerAuth(staff)).code()).isIn(403, 404);
    }
}
