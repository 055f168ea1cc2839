package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Kominfo pins and unpins the district home's headlines in the console; agencies cannot; every change is audited. */
@MicronautTest(environments = "admin", transactional = false)
class PortalHeadlinesTest extends AdminHttpTest {
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject TenantService tenants;
    @Inject PostService posts;
    @Inject TestClock clock;

    final Map<String, String> authenticators = new HashMap<>();
    long posyandu;
    long hidden;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void kominfoAndAnAgency() {
        kominfoUser("kominfo", Role.PLATFORM_ADMIN);
        kominfoUser("staf", Role.PLATFORM_STAFF);
        var dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(), new NewAccount("kepala", "Kepala Dinkes", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        var draft = posts.createDraft(admin, "dinkes", new PostDraft("Posyandu Balita di Desa Mekarsari", null, "<p>Isi.</p>", null));
        posts.publish(admin, "dinkes", draft.id());
        posyandu = draft.id().value();
        var other = posts.createDraft(admin, "dinkes", new PostDraft("Kabar Tersembunyi", null, "<p>Isi.</p>", null));
        posts.publish(admin, "dinkes", other.id());
        hidden = other.id().value();
        sql("update post set portal_state = 'hidden' where id = " + hidden);
    }

    @Test
    void platform_staff_pin_and_unpin_a_post_and_each_change_is_audited() {
        String session = login("staf");
        Reply page = get(session, "/admin/berita-utama");
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Berita utama portal", "Posyandu Balita di Desa Mekarsari", "Dinas Kesehatan")
                .doesNotContain("Kabar Tersembunyi");
        String token = Html.csrfToken(page.body());

        Reply pinned = send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=" + token + "&tenant=dinkes&post=" + posyandu)));
        assertThat(pinned.code()).isEqualTo(303);
        assertThat(pinned.header("Location")).isEqualTo("/admin/berita-utama?saved=pinned");
        assertThat(count("select count(*) from portal_pin where post_id = " + posyandu)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'portal.pin' and subject_id = '" + posyandu + "'")).isEqualTo(1);
        assertThat(get(session, "/admin/berita-utama").body()).contains("id=\"unpin-" + posyandu + "\"");

        Reply unpinned = send(withSession(session, form("/admin/berita-utama/lepas", "_csrf=" + token + "&tenant=dinkes&post=" + posyandu)));
        assertThat(unpinned.code()).isEqualTo(303);
        assertThat(count("select count(*) from portal_pin")).isZero();
        assertThat(count("select count(*) from audit_log where action = 'portal.unpin'")).isEqualTo(1);
    }

    @Test
    void a_post_not_on_the_portal_cannot_be_pinned_and_bad_input_is_a_400_not_a_500() {
        String session = login("kominfo");
        String token = csrf(session, "/admin/berita-utama");
        Reply refused = send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=" + token + "&tenant=dinkes&post=" + hidden)));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(Html.text(refused.body())).contains("Hanya tulisan yang tampil di portal kabupaten");
        assertThat(send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=" + token + "&tenant=dinkes&post=abc"))).code())
                .isEqualTo(400);
        assertThat(send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=" + token + "&tenant=tidak-ada&post=" + posyandu))).code())
                .isEqualTo(400);
        assertThat(send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=salah&tenant=dinkes&post=" + posyandu))).code())
                .isEqualTo(403);
        assertThat(count("select count(*) from portal_pin where post_id = " + hidden)).isZero();
    }

    @Test
    void an_agency_admin_may_not_curate_the_district_home() {
        String session = consoleSignIn("kepala");
        assertThat(get(session, "/admin/berita-utama").code()).isIn(403, 404);
        assertThat(send(withSession(session, form("/admin/berita-utama/sematkan", "_csrf=x&tenant=dinkes&post=" + posyandu))).code())
                .isIn(403, 404);
    }

    private void kominfoUser(String username, Role role) {
        Fixtures.platformUser(accounts, username, role);
        Actor actor = Fixtures.signIn(accounts, sessions, username);
        String secret = secondFactor.enrolmentSecret(actor);
        secondFactor.confirmEnrolment(actor, Totp.code(secret, Totp.step(clock.instant())));
        authenticators.put(username, secret);
    }

    private String login(String username) {
        Reply response = send(form("/admin/login", "username=" + username + "&password=" + Fixtures.PASSWORD));
        assertThat(response.code()).as("login of " + username).isEqualTo(303);
        String session = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        if ("/admin/2fa".equals(response.header("Location"))) {
            clock.advance(java.time.Duration.ofSeconds(30));
            String code = Totp.code(authenticators.get(username), Totp.step(clock.instant()));
            Reply passed = send(withSession(session, form("/admin/2fa", "_csrf=" + Html.csrfToken(get(session, "/admin/2fa").body()) + "&code=" + code)));
            assertThat(passed.code()).as("second factor of " + username).isEqualTo(303);
        }
        return session;
    }

    private Reply get(String session, String path) {
        return send(withSession(session, HttpRequest.GET(path)));
    }

    private long count(String query) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(query, e);
        }
    }

    private void sql(String statement) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
    }
}
