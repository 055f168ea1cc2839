package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The review queue, its time standards and review comments, in the console and the API. */
@MicronautTest(environments = "admin", transactional = false)
class ReviewQueueHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject WorkflowSettings settings;
    @Inject TestClock clock;

    Actor writer;
    Actor editor;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void aTwoStepNewsroom() {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "dispar", "Dinas Pariwisata");
        Tenant other = Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        // Site admins made as members sign in with a password alone, like the newsroom's other people.
        accounts.createMember(Fixtures.SYSTEM, other.id(), new NewAccount("asing", "Uji asing", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        for (var member : Map.of("penulis", Role.WRITER, "penulis2", Role.WRITER, "editor", Role.EDITOR,
                "kepala", Role.TENANT_ADMIN).entrySet()) {
            accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount(member.getKey(), "Uji " + member.getKey(),
                    null, Fixtures.PASSWORD), member.getValue(), false);
        }
        writer = Fixtures.signIn(accounts, sessions, "penulis");
        editor = Fixtures.signIn(accounts, sessions, "editor");
        settings.setSteps(Fixtures.signIn(accounts, sessions, "admin-dispar"), "dispar", "2");
    }

    private long submitted(Actor author, String title) {
        var post = posts.createDraft(author, "dispar", new PostDraft(title, null, "<p>Isi.</p>", null));
        posts.transition(author, "dispar", post.id(), PostEvent.SUBMIT, null, null);
        return post.id().value();
    }

    @Test
    void the_console_queue_marks_overdue_posts_and_a_writer_sees_only_their_own() {
        long waiting = submitted(writer, "Festival Danau");
        long others = submitted(Fixtures.signIn(accounts, sessions, "penulis2"), "Pantai Bersih");
        // Two steps: the editor corrects, checks and publishes: 15 + 15 + 15 minutes.
        clock.advance(Duration.ofMinutes(46));

        String editorSession = consoleSignIn("editor");
        Reply page = send(withSession(editorSession, HttpRequest.GET("/admin/t/dispar/tinjauan")));
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"queue-" + waiting + "\" class=\"overdue\"", "id=\"queue-" + others + "\"");
        assertThat(Html.text(page.body())).contains("Festival Danau", "Uji penulis", "46 menit", "45 menit", "Terlambat",
                "melewati standar waktu");

        String writerSession = consoleSignIn("penulis");
        String writerPage = send(withSession(writerSession, HttpRequest.GET("/admin/t/dispar/tinjauan"))).body();
        assertThat(writerPage).contains("id=\"queue-" + waiting + "\"").doesNotContain("id=\"queue-" + others + "\"");

        String stranger = consoleSignIn("asing");
        assertThat(send(withSession(stranger, HttpRequest.GET("/admin/t/dispar/tinjauan"))).code()).isEqualTo(404);
    }

    @Test
    void a_comment_shows_in_the_post_history_and_a_blank_one_is_refused_in_words() {
        long id = submitted(writer, "Kampung Wisata");
        String page = "/admin/t/dispar/berita/" + id;
        String editorSession = consoleSignIn("editor");
        Reply blank = comment(editorSession, page, "  ");
        assertThat(blank.code()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"comment-error\"");

        assertThat(comment(editorSession, page, "Judulnya terlalu panjang.").code()).isEqualTo(303);
        String writerView = Html.text(send(withSession(consoleSignIn("penulis"), HttpRequest.GET(page))).body());
        assertThat(writerView).contains("Komentar", "Judulnya terlalu panjang.", "Uji editor");
        assertThat(posts.get(editor, "dispar", new id.serambi.core.post.PostId(id)).status().dbValue()).isEqualTo("in_review");
    }

    @Test
    void the_site_admin_sets_the_standards_on_the_workflow_page_and_bad_minutes_are_refused() {
        String admin = consoleSignIn("kepala");
        String settingsPage = send(withSession(admin, HttpRequest.GET("/admin/t/dispar/alur"))).body();
        assertThat(settingsPage).contains("id=\"standards-form\"", "value=\"60\"");
        String csrf = Html.csrfToken(settingsPage);
        Reply bad = send(withSession(admin, form("/admin/t/dispar/alur/standar", "_csrf=" + csrf
                + "&editingMinutes=0&correctionMinutes=15&finalCheckMinutes=15&publicationMinutes=15")));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(Html.text(bad.body())).contains("dari 1 sampai 10080");
        try {
            Reply good = send(withSession(admin, form("/admin/t/dispar/alur/standar", "_csrf=" + csrf
                    + "&editingMinutes=120&correctionMinutes=20&finalCheckMinutes=15&publicationMinutes=15")));
            assertThat(good.code()).isEqualTo(303);
            assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dispar/alur?standar=1"))).body())
                    .contains("value=\"120\"", "id=\"standards-notice\"");
            // An editor sees the standards but gets no form, and posting it is refused.
            String editorSession = consoleSignIn("editor");
            String editorPage = send(withSession(editorSession, HttpRequest.GET("/admin/t/dispar/alur"))).body();
            assertThat(editorPage).doesNotContain("id=\"standards-form\"").contains("penyuntingan 120 menit");
            assertThat(send(withSession(editorSession, form("/admin/t/dispar/alur/standar", "_csrf="
                    + Html.csrfToken(editorPage) + "&editingMinutes=1&correctionMinutes=1&finalCheckMinutes=1&publicationMinutes=1")))
                    .code()).isEqualTo(403);
        } finally {
            send(withSession(admin, form("/admin/t/dispar/alur/standar", "_csrf=" + csrf
                    + "&editingMinutes=60&correctionMinutes=15&finalCheckMinutes=15&publicationMinutes=15")));
        }
    }

    @Test
    void the_api_lists_the_queue_sets_standards_and_takes_comments() {
        long id = submitted(writer, "Sepeda Santai");
        clock.advance(Duration.ofMinutes(50));
        String editorToken = apiSignIn("editor");
        Reply queue = send(HttpRequest.GET("/api/v1/tenants/dispar/review-queue").bearerAuth(editorToken));
        assertThat(queue.code()).isEqualTo(200);
        assertThat(queue.body()).contains("\"wholeNewsroom\":true", "\"id\":" + id, "\"title\":\"Sepeda Santai\"",
                "\"status\":\"in_review\"", "\"author\":\"Uji penulis\"", "\"overdue\":true", "\"editingMinutes\":60");

        Reply writerQueue = send(HttpRequest.GET("/api/v1/tenants/dispar/review-queue").bearerAuth(apiSignIn("penulis2")));
        assertThat(writerQueue.body()).contains("\"wholeNewsroom\":false").doesNotContain("Sepeda Santai");

        String comments = "/api/v1/tenants/dispar/posts/" + id + "/comments";
        assertThat(send(HttpRequest.POST(comments, Map.of("comment", "")).bearerAuth(editorToken)).code()).isEqualTo(400);
        Reply created = send(HttpRequest.POST(comments, Map.of("comment", "Tambahkan rute.")).bearerAuth(editorToken));
        assertThat(created.code()).isEqualTo(201);
        assertThat(send(HttpRequest.GET(comments).bearerAuth(editorToken)).body()).contains("\"comment\":\"Tambahkan rute.\"",
                "\"author\":\"Uji editor\"");

        String adminToken = apiSignIn("kepala");
        Reply wrong = send(HttpRequest.PUT("/api/v1/tenants/dispar/review-standards", Map.of("editingMinutes", 60))
                .bearerAuth(adminToken));
        assertThat(wrong.code()).isEqualTo(400);
        assertThat(wrong.body()).contains("correctionMinutes");
        assertThat(send(HttpRequest.PUT("/api/v1/tenants/dispar/review-standards", Map.of("editingMinutes", 60,
                "correctionMinutes", 15, "finalCheckMinutes", 15, "publicationMinutes", 15)).bearerAuth(adminToken)).code())
                .isEqualTo(200);
        assertThat(send(HttpRequest.PUT("/api/v1/tenants/dispar/review-standards", Map.of("editingMinutes", 60,
                "correctionMinutes", 15, "finalCheckMinutes", 15, "publicationMinutes", 15)).bearerAuth(editorToken)).code())
                .isEqualTo(403);
        assertThat(send(HttpRequest.GET("/api/v1/tenants/dispar/review-queue").bearerAuth(apiSignIn("asing"))).code())
                .isEqualTo(404);
    }

    private Reply comment(String session, String page, String text) {
        return send(withSession(session, form(page + "/komentar", "_csrf=" + Html.csrfToken(send(withSession(session,
                HttpRequest.GET(page))).body()) + "&comment=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }
}
