package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.portal.PortalPost;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.WorkflowSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Seed 003's newsroom through the JSON API alone, to the reader: in a three-step agency a writer creates and
 * submits, an editor approves, a different redaktur publishes, and the post is on the agency site and the
 * district portal; nobody approves their own post or publishes what they approved (problem details that say
 * why). In a one-step agency its admin publishes a draft at once.
 */
@MicronautTest(environments = "admin", transactional = false)
class NewsroomApiTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject WorkflowSettings workflow;
    @Inject PortalQueries portal;
    @Inject JsonMapper json;

    Tenant diskominfo;
    Tenant kecamatan;

    @BeforeAll
    void aThreeStepAgencyAndAOneStepAgency() {
        diskominfo = Fixtures.tenantWithAdmin(tenants, "diskominfo", "Dinas Komunikasi dan Informatika");
        for (var member : Map.of("penulis", Role.WRITER, "editor", Role.EDITOR, "redaktur", Role.EDITOR).entrySet()) {
            accounts.createMember(Fixtures.SYSTEM, diskominfo.id(), new NewAccount(member.getKey(), "Uji " + member.getKey(),
                    null, Fixtures.PASSWORD), member.getValue(), false);
        }
        workflow.setSteps(Fixtures.signIn(accounts, sessions, "admin-diskominfo"), "diskominfo", "3");
        kecamatan = Fixtures.tenantWithAdmin(tenants, "kec-sukadana", "Kecamatan Sukadana");
        accounts.createMember(Fixtures.SYSTEM, kecamatan.id(), new NewAccount("camat", "Uji camat", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        workflow.setSteps(Fixtures.signIn(accounts, sessions, "camat"), "kec-sukadana", "1");
    }

    @Test
    void three_steps_writer_submits_editor_approves_redaktur_publishes_and_readers_see_it() {
        String writer = apiSignIn("penulis");
        String editor = apiSignIn("editor");
        String redaktur = apiSignIn("redaktur");
        String title = "Pelatihan Keamanan Siber untuk Perangkat Desa";

        Reply created = send(HttpRequest.POST("/api/v1/tenants/diskominfo/posts",
                Map.of("title", title, "bodyHtml", "<p>Sebanyak 40 operator desa mengikuti pelatihan.</p>")).bearerAuth(writer));
        assertThat(created.code()).isEqualTo(201);
        Map<String, Object> post = read(created);
        assertThat(post).containsEntry("status", "draft");
        String events = "/api/v1/tenants/diskominfo/posts/" + post.get("id") + "/events";

        // The writer cannot take it further than review.
        assertThat(read(fire(writer, events, "submit"))).containsEntry("status", "in_review");
        Reply writerApproves = fire(writer, events, "approve");
        assertThat(writerApproves.code()).isEqualTo(403);
        assertThat(writerApproves.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        Reply approved = fire(editor, events, "approve");
        assertThat(approved.code()).isEqualTo(200);
        assertThat(read(approved)).containsEntry("status", "approved");
        assertThat(onPortal(title)).as("approved is not published").isFalse();

        Reply approverPublishes = fire(editor, events, "publish");
        assertThat(approverPublishes.code()).isEqualTo(400);
        assertThat(approverPublishes.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(message(approverPublishes)).isEqualTo("Redaktur yang menerbitkan harus orang lain, bukan editor yang menyetujui tulisan ini.");

        Reply published = fire(redaktur, events, "publish");
        assertThat(published.code()).isEqualTo(200);
        assertThat(read(published)).containsEntry("status", "published").containsKey("firstPublishedAt");

        assertThat(portal.latestOfTenant(diskominfo.id(), 50)).extracting(PortalPost::title).contains(title);
        assertThat(onPortal(title)).as("on the district portal").isTrue();
        Reply history = send(HttpRequest.GET(events).bearerAuth(editor));
        assertThat(history.body()).contains("\"event\":\"submit\"", "\"event\":\"approve\"", "\"event\":\"publish\"",
                "\"actor\":\"Uji penulis\"", "\"actor\":\"Uji editor\"", "\"actor\":\"Uji redaktur\"");
    }

    @Test
    void an_editor_cannot_approve_their_own_post_and_hears_why() {
        String editor = apiSignIn("editor");
        Reply created = send(HttpRequest.POST("/api/v1/tenants/diskominfo/posts",
                Map.of("title", "Rapat Koordinasi Jaringan", "bodyHtml", "<p>Isi.</p>")).bearerAuth(editor));
        String events = "/api/v1/tenants/diskominfo/posts/" + read(created).get("id") + "/events";
        assertThat(fire(editor, events, "submit").code()).isEqualTo(200);

        Reply own = fire(editor, events, "approve");
        assertThat(own.code()).isEqualTo(400);
        assertThat(own.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        Map<String, Object> problem = read(own);
        assertThat(problem).containsEntry("status", 400).containsKey("title");
        assertThat(message(own)).isEqualTo("Tulisan tidak dapat disetujui oleh penulisnya sendiri: mintalah editor lain.");
        // And in English for a client that asks for it.
        Reply english = send(HttpRequest.POST(events, Map.of("event", "approve")).bearerAuth(editor).header("Accept-Language", "en"));
        assertThat(english.code()).isEqualTo(400);
        assertThat(message(english)).doesNotContain("Tulisan").isNotBlank();

        // Another editor may.
        assertThat(read(fire(apiSignIn("redaktur"), events, "approve"))).containsEntry("status", "approved");
    }

    @Test
    void one_step_the_agency_admin_publishes_a_new_draft_at_once() {
        String admin = apiSignIn("camat");
        String title = "Jadwal Pelayanan KTP Keliling";
        Reply created = send(HttpRequest.POST("/api/v1/tenants/kec-sukadana/posts",
                Map.of("title", title, "bodyHtml", "<p>Pelayanan di balai desa setiap Kamis.</p>")).bearerAuth(admin));
        assertThat(created.code()).isEqualTo(201);
        String events = "/api/v1/tenants/kec-sukadana/posts/" + read(created).get("id") + "/events";
        Reply published = fire(admin, events, "publish");
        assertThat(published.code()).isEqualTo(200);
        assertThat(read(published)).containsEntry("status", "published");
        assertThat(portal.latestOfTenant(kecamatan.id(), 50)).extracting(PortalPost::title).contains(title);
        assertThat(onPortal(title)).isTrue();
        assertThat(send(HttpRequest.GET(events).bearerAuth(admin)).body()).contains("\"event\":\"publish\"", "\"from\":\"draft\"");
    }

    private Reply fire(String token, String events, String event) {
        return send(HttpRequest.POST(events, Map.of("event", event)).bearerAuth(token));
    }

    private boolean onPortal(String title) {
        return portal.latestOnPortal(500).stream().map(PortalPost::title).anyMatch(title::equals);
    }

    /** The first field message of a problem detail (the rules' refusal is on the field "status"). */
    @SuppressWarnings("unchecked")
    private String message(Reply reply) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) read(reply).get("errors");
        assertThat(errors).as(reply.body()).isNotEmpty();
        return (String) errors.get(0).get("message");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Reply reply) {
        try {
            return json.readValue(reply.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }
}
