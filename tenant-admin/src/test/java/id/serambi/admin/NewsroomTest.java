package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.account.SessionService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** A three-step newsroom in the console and the API: each person sees only the buttons that work for them. */
@MicronautTest(environments = "admin", transactional = false)
class NewsroomTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    Tenant diskominfo;

    @BeforeAll
    void aThreeStepSite() {
        diskominfo = Fixtures.tenantWithAdmin(tenants, "diskominfo", "Dinas Komunikasi dan Informatika");
        for (var member : Map.of("penulis", Role.WRITER, "editor", Role.EDITOR, "redaktur", Role.EDITOR,
                "kepala", Role.TENANT_ADMIN).entrySet()) {
            accounts.createMember(Fixtures.SYSTEM, diskominfo.id(), new NewAccount(member.getKey(), "Uji " + member.getKey(),
                    null, Fixtures.PASSWORD), member.getValue(), false);
        }
        String admin = consoleSignIn("kepala");
        Reply saved = send(withSession(admin, form("/admin/t/diskominfo/alur",
                "_csrf=" + csrf(admin, "/admin/t/diskominfo/alur") + "&workflowSteps=3")));
        assertThat(saved.code()).isEqualTo(303);
    }

    @Test
    void writer_editor_and_redaktur_take_a_post_live_in_the_console() {
        long id = posts.createDraft(Fixtures.signIn(accounts, sessions, "penulis"), "diskominfo",
                new PostDraft("Sosialisasi Keamanan Siber", null, "<p>Isi.</p>", null)).id().value();
        String page = "/admin/t/diskominfo/berita/" + id;

        String writer = consoleSignIn("penulis");
        String writerPage = send(withSession(writer, HttpRequest.GET(page))).body();
        assertThat(writerPage).contains("id=\"event-submit\"").doesNotContain("id=\"event-publish\"");
        assertThat(Html.text(writerPage)).contains("3 langkah");
        assertThat(step(writer, page, "submit", "").code()).isEqualTo(303);

        String editor = consoleSignIn("editor");
        String editorPage = send(withSession(editor, HttpRequest.GET(page))).body();
        assertThat(editorPage).contains("id=\"event-approve\"", "id=\"event-request_changes\"")
                .doesNotContain("id=\"event-publish\"");
        Reply noReason = step(editor, page, "request_changes", "");
        assertThat(noReason.code()).isEqualTo(400);
        assertThat(Html.text(noReason.body())).contains("Tuliskan alasan mengapa tulisan dikembalikan untuk diperbaiki.");
        assertThat(step(editor, page, "approve", "Sudah baik.").code()).isEqualTo(303);
        // The approver is offered no publish button, and pressing it anyway is refused in words.
        assertThat(send(withSession(editor, HttpRequest.GET(page))).body()).doesNotContain("id=\"event-publish\"");
        Reply ownApproval = step(editor, page, "publish", "");
        assertThat(ownApproval.code()).isEqualTo(400);
        assertThat(Html.text(ownApproval.body())).contains("bukan editor yang menyetujui tulisan ini");

        String redaktur = consoleSignIn("redaktur");
        assertThat(step(redaktur, page, "publish", "").code()).isEqualTo(303);
        String published = Html.text(send(withSession(redaktur, HttpRequest.GET(page + "?langkah=publish"))).body());
        assertThat(published).contains("Tulisan diterbitkan.", "Uji penulis", "Uji editor", "Uji redaktur", "Sudah baik.");
    }

    @Test
    void the_api_fires_events_refuses_unknown_ones_and_lists_the_history() {
        long id = posts.createDraft(Fixtures.signIn(accounts, sessions, "penulis"), "diskominfo",
                new PostDraft("Pelatihan Operator Desa", null, "<p>Isi.</p>", null)).id().value();
        String path = "/api/v1/tenants/diskominfo/posts/" + id + "/events";
        String writer = apiSignIn("penulis");
        Reply unknown = send(HttpRequest.POST(path, Map.of("event", "terbitkan")).bearerAuth(writer));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.body()).contains("Langkah tidak dikenal");
        Reply skip = send(HttpRequest.POST(path, Map.of("event", "publish")).bearerAuth(writer));
        assertThat(skip.code()).isEqualTo(403);
        assertThat(send(HttpRequest.POST(path, Map.of("event", "submit")).bearerAuth(writer)).code()).isEqualTo(200);

        String editor = apiSignIn("editor");
        Reply badTime = send(HttpRequest.POST(path, Map.of("event", "schedule", "scheduledAt", "besok pagi")).bearerAuth(editor));
        assertThat(badTime.code()).isEqualTo(400);
        assertThat(badTime.body()).contains("2026-12-01T08:00:00+07:00");
        assertThat(send(HttpRequest.POST(path, Map.of("event", "approve")).bearerAuth(editor)).code()).isEqualTo(200);
        Reply history = send(HttpRequest.GET(path).bearerAuth(editor));
        assertThat(history.code()).isEqualTo(200);
        assertThat(history.body()).contains("\"event\":\"submit\"", "\"event\":\"approve\"", "\"actor\":\"Uji editor\"");
    }

    private Reply step(String session, String page, String event, String note) {
        return send(withSession(session, form(page + "/langkah",
                "_csrf=" + csrf(session, page) + "&event=" + event + "&note=" + java.net.URLEncoder.encode(note, java.nio.charset.StandardCharsets.UTF_8))));
    }
}
