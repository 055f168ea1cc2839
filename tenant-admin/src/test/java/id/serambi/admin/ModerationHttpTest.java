package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.jooq.public_.Tables;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.portal.PortalPost;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantEdit;
import id.serambi.core.tenant.TenantProvisioningService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Moderation, the review stream and dispositions over HTTP, console and API: every action needs a reason (400 in
 * Indonesian), unknown ids are 404, one agency's admin cannot act on another's, and coordinators read and mark
 * but change no content.
 */
@MicronautTest(environments = "admin", transactional = false)
class ModerationHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject TenantProvisioningService provisioning;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject PortalQueries portal;
    @Inject NotificationService notifications;
    @Inject TestClock clock;
    @Inject ZoneId zone;

    String kominfo;
    String bupati;
    String disparAdmin;
    String dinkesAdmin;
    Actor disparAuthor;
    Actor dinkesAuthor;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void agenciesKominfoAndACoordinator() {
        Fixtures.tenantWithAdmin(tenants, "dispar", "Dinas Pariwisata");
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        TenantEdit now = TenantEdit.of(provisioning.profile(Fixtures.SYSTEM, "dispar"));
        provisioning.edit(Fixtures.SYSTEM, "dispar", new TenantEdit(now.name(), now.kind(), now.description(),
                now.contactAddress(), now.contactPhone(), now.contactEmail(), now.officeHours(), now.quotaMinPerWeek(),
                "pre", true));
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        Fixtures.platformUser(accounts, "bupati", Role.COORDINATOR);
        // The first admins chose their own password long ago (the change of the initial one is tested elsewhere).
        DirectSql.<Integer>query(database, db -> db.update(Tables.APP_USER).set(Tables.APP_USER.MUST_CHANGE_PASSWORD, false)
                .where(Tables.APP_USER.USERNAME.in("admin-dispar", "admin-dinkes")).execute());
        openSessions();
    }

    // Fresh sessions for everyone, e.g. after the test clock moved past the idle limit of the old ones.
    private void openSessions() {
        kominfo = session("staf-kominfo");
        bupati = session("bupati");
        disparAdmin = session("admin-dispar");
        dinkesAdmin = session("admin-dinkes");
        disparAuthor = Fixtures.signIn(accounts, sessions, "admin-dispar");
        dinkesAuthor = Fixtures.signIn(accounts, sessions, "admin-dinkes");
    }

    // A session as after a completed sign-in (second step included): these tests are about moderation, not sign-in.
    private String session(String username) {
        if (!(accounts.authenticate(username, Fixtures.PASSWORD, "127.0.0.1", "test") instanceof LoginResult.SignedIn signedIn)) {
            throw new AssertionError("cannot sign in " + username);
        }
        return sessions.open(signedIn.account(), "127.0.0.1", "test");
    }

    private Post published(Actor author, String slug, String title) {
        return posts.publish(author, slug, posts.createDraft(author, slug, new PostDraft(title, null, "<p>Isi.</p>", null)).id());
    }

    private boolean onPortal(String title) {
        return portal.latestOnPortal(500).stream().map(PortalPost::title).anyMatch(title::equals);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply api(String token, HttpRequest<?> request) {
        return send(((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token));
    }

    @Test
    void kominfo_approves_a_waiting_post_from_the_queue_with_a_reason_and_it_reaches_the_portal() {
        Post post = published(disparAuthor, "dispar", "Festival Kopi");
        String queue = send(withSession(kominfo, HttpRequest.GET("/admin/moderasi"))).body();
        assertThat(queue).contains("id=\"waiting-" + post.id().value() + "\"", "Festival Kopi");
        assertThat(onPortal("Festival Kopi")).isFalse();
        String path = "/admin/t/dispar/berita/" + post.id().value() + "/moderasi";
        String token = Html.csrfToken(queue);

        Reply blank = send(withSession(kominfo, form(path, "_csrf=" + token + "&back=antrean&action=approve&reason=+")));
        assertThat(blank.code()).isEqualTo(400);
        assertThat(Html.text(blank.body())).contains("Tuliskan alasan tindakan moderasi ini");
        assertThat(onPortal("Festival Kopi")).isFalse();

        Reply approved = send(withSession(kominfo, form(path, "_csrf=" + token + "&back=antrean&action=approve&reason="
                + enc("Sesuai pedoman."))));
        assertThat(approved.code()).isEqualTo(303);
        assertThat(approved.header("Location")).isEqualTo("/admin/moderasi?selesai=approve");
        assertThat(onPortal("Festival Kopi")).isTrue();
        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin/t/dispar/moderasi"))).body())
                .contains("Festival Kopi", "Sesuai pedoman.");
        // The agency's own admin reads the history too.
        assertThat(send(withSession(disparAdmin, HttpRequest.GET("/admin/t/dispar/moderasi"))).body()).contains("Sesuai pedoman.");
    }

    @Test
    void a_deleted_post_s_page_says_until_when_it_can_be_restored() {
        Post post = published(dinkesAuthor, "dinkes", "Jadwal Posyandu Ganda");
        String path = "/admin/t/dinkes/berita/" + post.id().value() + "/moderasi";
        String before = send(withSession(kominfo, HttpRequest.GET(path))).body();
        assertThat(Html.text(before)).contains("Tulisan yang dihapus dapat dipulihkan dalam 30 hari.");
        assertThat(before).doesNotContain("id=\"restore-deadline\"");

        Reply deleted = send(withSession(kominfo, form(path, "_csrf=" + Html.csrfToken(before) + "&action=delete&reason="
                + enc("Terbit ganda."))));
        assertThat(deleted.code()).isEqualTo(303);
        String until = java.time.OffsetDateTime.ofInstant(clock.instant(), zone).plusDays(30)
                .format(java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT).withLocale(java.util.Locale.of("id")));
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET(path))).body()))
                .contains("Dapat dipulihkan sampai " + until + "; sesudah itu pemulihan ditolak, tetapi tulisan tetap disimpan.");
    }

    @Test
    void every_api_action_without_a_reason_is_a_400_problem_in_indonesian() {
        Post post = published(dinkesAuthor, "dinkes", "Tanpa Alasan API");
        String path = "/api/v1/tenants/dinkes/posts/" + post.id().value() + "/moderation";
        for (String action : new String[] {"approve", "hide", "remove", "revise", "delete", "restore", "dismiss"}) {
            Reply reply = api(kominfo, HttpRequest.POST(path, Map.of("action", action, "reason", " ", "title", "x")));
            assertThat(reply.code()).as(action).isEqualTo(400);
            assertThat(reply.contentType()).hasValue("application/problem+json");
            assertThat(reply.body()).as(action).contains("\"field\":\"reason\"", "Tuliskan alasan tindakan moderasi ini");
        }
        Reply hidden = api(kominfo, HttpRequest.POST(path, Map.of("action", "hide", "reason", "Perlu diperiksa.")));
        assertThat(hidden.code()).isEqualTo(200);
        assertThat(hidden.body()).contains("\"portalState\":\"hidden\"");
        Reply history = api(dinkesAdmin, HttpRequest.GET("/api/v1/tenants/dinkes/moderation"));
        assertThat(history.body()).contains("\"action\":\"hide\"", "Perlu diperiksa.");
    }

    @Test
    void unknown_posts_are_404_and_agency_admins_and_coordinators_cannot_moderate() {
        Post dinkesPost = published(dinkesAuthor, "dinkes", "Milik Dinkes");
        Map<String, String> hide = Map.of("action", "hide", "reason", "Alasan.");
        assertThat(api(kominfo, HttpRequest.POST("/api/v1/tenants/dinkes/posts/987654/moderation", hide)).code()).isEqualTo(404);
        assertThat(api(kominfo, HttpRequest.POST("/api/v1/tenants/dispar/posts/" + dinkesPost.id().value() + "/moderation", hide))
                .code()).isEqualTo(404);
        // Another agency's admin: the tenant does not exist for them. Their own admin: not theirs to do.
        assertThat(api(disparAdmin, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + dinkesPost.id().value() + "/moderation", hide))
                .code()).isEqualTo(404);
        assertThat(api(dinkesAdmin, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + dinkesPost.id().value() + "/moderation", hide))
                .code()).isEqualTo(403);
        assertThat(api(bupati, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + dinkesPost.id().value() + "/moderation", hide))
                .code()).isIn(403, 404);
        assertThat(api(bupati, HttpRequest.GET("/api/v1/moderation/queue")).code()).isEqualTo(403);
        assertThat(api(dinkesAdmin, HttpRequest.GET("/api/v1/moderation/queue")).code()).isEqualTo(403);
        assertThat(api(disparAdmin, HttpRequest.GET("/api/v1/tenants/dinkes/moderation")).code()).isEqualTo(404);
        assertThat(onPortal("Milik Dinkes")).isTrue();
    }

    @Test
    void a_coordinators_content_changing_requests_are_refused_and_change_nothing() {
        Post post = published(dinkesAuthor, "dinkes", "Tetap Seperti Ini");
        long id = post.id().value();
        String before = DirectSql.query(database, db -> db.select(Tables.POST.TITLE, Tables.POST.STATUS, Tables.POST.PORTAL_STATE)
                .from(Tables.POST).where(Tables.POST.ID.eq(id)).fetchOne().toString());
        int postCount = DirectSql.<Integer>query(database, db -> db.fetchCount(Tables.POST));

        assertThat(api(bupati, HttpRequest.POST("/api/v1/tenants/dinkes/posts", Map.of("title", "Dari Bupati"))).code()).isIn(403, 404);
        assertThat(api(bupati, HttpRequest.PUT("/api/v1/tenants/dinkes/posts/" + id,
                Map.of("title", "Diubah Bupati", "bodyHtml", "<p>x</p>"))).code()).isIn(403, 404, 405);
        assertThat(api(bupati, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + id + "/events",
                Map.of("event", "unpublish", "note", "Turunkan"))).code()).isIn(403, 404);
        assertThat(api(bupati, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + id + "/moderation",
                Map.of("action", "remove", "reason", "Turunkan"))).code()).isIn(403, 404);
        String token = csrf(bupati, "/admin/tinjauan-berita");
        assertThat(send(withSession(bupati, form("/admin/t/dinkes/berita/" + id + "/moderasi",
                "_csrf=" + token + "&action=hide&reason=x"))).code()).isIn(403, 404);
        assertThat(send(withSession(bupati, form("/admin/t/dinkes/berita/" + id + "/langkah",
                "_csrf=" + token + "&event=unpublish&note=x"))).code()).isIn(403, 404);

        String after = DirectSql.query(database, db -> db.select(Tables.POST.TITLE, Tables.POST.STATUS, Tables.POST.PORTAL_STATE)
                .from(Tables.POST).where(Tables.POST.ID.eq(id)).fetchOne().toString());
        assertThat(after).isEqualTo(before);
        int postCountAfter = DirectSql.<Integer>query(database, db -> db.fetchCount(Tables.POST));
        assertThat(postCountAfter).isEqualTo(postCount);
    }

    @Test
    void a_coordinator_filters_the_stream_and_flags_a_post_which_lands_in_the_moderation_queue() {
        Post wanted = published(dinkesAuthor, "dinkes", "Imunisasi Sekolah");
        published(disparAuthor, "dispar", "Lomba Layang-layang");
        String page = send(withSession(bupati, HttpRequest.GET("/admin/tinjauan-berita?agency=dinkes"))).body();
        assertThat(page).contains("Imunisasi Sekolah").doesNotContain("Lomba Layang-layang");
        assertThat(send(withSession(bupati, HttpRequest.GET("/admin/tinjauan-berita?from=kemarin"))).code()).isEqualTo(400);

        String path = "/admin/t/dinkes/berita/" + wanted.id().value() + "/tanda";
        Reply noNote = send(withSession(bupati, form(path, "_csrf=" + Html.csrfToken(page) + "&mark=flagged&note=")));
        assertThat(noNote.code()).isEqualTo(400);
        assertThat(Html.text(noNote.body())).contains("Tuliskan catatan");
        Reply flagged = send(withSession(bupati, form(path, "_csrf=" + Html.csrfToken(page) + "&mark=flagged&note="
                + enc("Foto anak tanpa izin orang tua."))));
        assertThat(flagged.code()).isEqualTo(303);

        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin/moderasi"))).body())
                .contains("Imunisasi Sekolah", "Foto anak tanpa izin orang tua.");
        assertThat(api(bupati, HttpRequest.GET("/api/v1/review-stream?agency=dinkes")).body())
                .contains("Imunisasi Sekolah", "\"mark\":\"flagged\"");
        // An agency's admin has no review stream and cannot mark.
        assertThat(send(withSession(dinkesAdmin, HttpRequest.GET("/admin/tinjauan-berita"))).code()).isEqualTo(403);
        assertThat(api(dinkesAdmin, HttpRequest.POST("/api/v1/tenants/dinkes/posts/" + wanted.id().value() + "/marks",
                Map.of("mark", "commended"))).code()).isIn(403, 404);
    }

    @Test
    void a_disposition_goes_from_the_coordinator_to_the_agency_and_the_answer_comes_back() {
        String due = LocalDate.now(clock.withZone(zone)).plusDays(3).toString();
        Reply sent = send(withSession(bupati, form("/admin/disposisi", "_csrf=" + csrf(bupati, "/admin/disposisi")
                + "&agency=dinkes&subject=" + enc("Laporan DBD") + "&body=" + enc("Laporkan kasus DBD minggu ini.") + "&dueOn=" + due)));
        assertThat(sent.code()).isEqualTo(303);
        long id = Long.parseLong(sent.header("Location").replaceAll("\\D+", ""));
        String detail = "/admin/t/dinkes/disposisi/" + id;

        // Another agency's admin learns nothing of it; the agency's admin is told.
        assertThat(send(withSession(disparAdmin, HttpRequest.GET(detail))).code()).isEqualTo(404);
        assertThat(send(withSession(disparAdmin, form(detail, "_csrf=" + csrf(disparAdmin, "/admin/t/dispar")
                + "&step=acknowledge"))).code()).isEqualTo(404);
        assertThat(notifications.recent(dinkesAuthor.userId(), 20))
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("notify.disposition.sent"));
        // The coordinator cannot answer for the agency.
        assertThat(send(withSession(bupati, form(detail, "_csrf=" + csrf(bupati, detail) + "&step=acknowledge"))).code())
                .isIn(403, 404);

        String page = send(withSession(dinkesAdmin, HttpRequest.GET(detail))).body();
        assertThat(page).contains("Laporan DBD", "id=\"step-acknowledge\"");
        assertThat(send(withSession(dinkesAdmin, form(detail, "_csrf=" + Html.csrfToken(page) + "&step=acknowledge"))).code())
                .isEqualTo(303);
        Reply noAnswer = send(withSession(dinkesAdmin, form(detail, "_csrf=" + Html.csrfToken(page) + "&step=answer&answer=")));
        assertThat(noAnswer.code()).isEqualTo(400);
        assertThat(send(withSession(dinkesAdmin, form(detail, "_csrf=" + Html.csrfToken(page) + "&step=answer&answer="
                + enc("Ada 12 kasus, semua ditangani puskesmas.")))).code()).isEqualTo(303);

        assertThat(send(withSession(bupati, HttpRequest.GET(detail))).body())
                .contains("Ada 12 kasus, semua ditangani puskesmas.", "Dijawab");
        var bupatiUser = Fixtures.signIn(accounts, sessions, "bupati").userId();
        assertThat(notifications.recent(bupatiUser, 20))
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("notify.disposition.answered"));
        assertThat(api(dinkesAdmin, HttpRequest.POST("/api/v1/tenants/dinkes/dispositions/" + id + "/steps",
                Map.of("step", "close"))).body()).contains("\"state\":\"closed\"");
        assertThat(api(dinkesAdmin, HttpRequest.POST("/api/v1/tenants/dinkes/dispositions/999999/steps",
                Map.of("step", "close"))).code()).isEqualTo(404);
    }

    @Test
    void an_unanswered_disposition_past_its_due_date_is_overdue_on_both_sides() {
        String today = LocalDate.now(clock.withZone(zone)).toString();
        Reply created = api(bupati, HttpRequest.POST("/api/v1/tenants/dispar/dispositions",
                Map.of("subject", "Data wisatawan", "body", "Kirim data kunjungan.", "dueOn", today)));
        assertThat(created.code()).isEqualTo(201);
        assertThat(api(bupati, HttpRequest.POST("/api/v1/tenants/dispar/dispositions",
                Map.of("subject", "", "body", "", "dueOn", "kemarin"))).code()).isEqualTo(400);
        assertThat(send(withSession(disparAdmin, HttpRequest.GET("/admin/t/dispar/disposisi"))).body())
                .doesNotContain("id=\"overdue-count\"");

        clock.advance(Duration.ofDays(2));
        openSessions();

        assertThat(send(withSession(disparAdmin, HttpRequest.GET("/admin/t/dispar/disposisi"))).body())
                .contains("id=\"overdue-count\"", "Data wisatawan", "Terlambat");
        assertThat(send(withSession(bupati, HttpRequest.GET("/admin/disposisi"))).body())
                .contains("id=\"overdue-count\"", "Data wisatawan");
        assertThat(api(bupati, HttpRequest.GET("/api/v1/dispositions?overdue=true")).body()).contains("Data wisatawan", "\"overdue\":true");
    }
}
