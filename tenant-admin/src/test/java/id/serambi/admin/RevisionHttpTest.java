package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Editing, listing, comparing and restoring revisions through the console and the API. */
@MicronautTest(environments = "admin", transactional = false)
class RevisionHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    Tenant bappeda;

    @BeforeAll
    void aSiteWithAWriterAndAnEditor() {
        bappeda = Fixtures.tenantWithAdmin(tenants, "bappeda", "Badan Perencanaan Pembangunan Daerah");
        Tenant bpbd = Fixtures.tenantWithAdmin(tenants, "bpbd", "Badan Penanggulangan Bencana Daerah");
        accounts.createMember(Fixtures.SYSTEM, bpbd.id(), new NewAccount("kepala-bpbd", "Kepala BPBD", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        for (var member : Map.of("penulis", Role.WRITER, "editor", Role.EDITOR).entrySet()) {
            accounts.createMember(Fixtures.SYSTEM, bappeda.id(), new NewAccount(member.getKey(), "Uji " + member.getKey(),
                    null, Fixtures.PASSWORD), member.getValue(), false);
        }
    }

    private long draftBy(String username, String title, String body) {
        return posts.createDraft(Fixtures.signIn(accounts, sessions, username), "bappeda",
                new PostDraft(title, null, body, null)).id().value();
    }

    @Test
    void an_editor_edits_in_the_console_compares_the_revisions_and_restores_the_first() {
        long id = draftBy("penulis", "Musrenbang Kecamatan", "<p>Dihadiri 40 orang.</p>");
        String page = "/admin/t/bappeda/berita/" + id;
        String editor = consoleSignIn("editor");

        String postPage = send(withSession(editor, HttpRequest.GET(page))).body();
        assertThat(postPage).contains("id=\"edit-link\"", "id=\"revisions-link\"");
        String editForm = send(withSession(editor, HttpRequest.GET(page + "/ubah"))).body();
        assertThat(editForm).contains("value=\"musrenbang-kecamatan\"", "Dihadiri 40 orang.");

        Reply saved = send(withSession(editor, form(page + "/ubah", "_csrf=" + csrf(editor, page + "/ubah")
                + "&title=" + enc("Musrenbang Kecamatan 2027") + "&slug=musrenbang-2027&summary=&displayDate=2026-11-20T09:30"
                + "&seoDescription=" + enc("Hasil musrenbang.") + "&bodyHtml=" + enc("<p>Dihadiri 45 orang.</p><script>alert(1)</script>"))));
        assertThat(saved.code()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo(page + "?disimpan=1");
        assertThat(Html.text(send(withSession(editor, HttpRequest.GET(page + "?disimpan=1"))).body()))
                .contains("Perubahan disimpan sebagai revisi baru.", "Musrenbang Kecamatan 2027");

        String list = send(withSession(editor, HttpRequest.GET(page + "/revisi"))).body();
        assertThat(list).contains("id=\"revision-1\"", "id=\"revision-2\"", "id=\"restore-button-1\"")
                .doesNotContain("id=\"restore-button-2\"");

        Reply diff = send(withSession(editor, HttpRequest.GET(page + "/revisi/banding?dari=1&ke=2")));
        assertThat(diff.code()).isEqualTo(200);
        assertThat(diff.body()).contains("<del>40</del>", "<ins>45</ins>", "<ins> 2027</ins>")
                .doesNotContain("<script>alert(1)");
        assertThat(send(withSession(editor, HttpRequest.GET(page + "/revisi/banding?dari=satu&ke=2"))).code()).isEqualTo(400);
        assertThat(send(withSession(editor, HttpRequest.GET(page + "/revisi/banding?dari=1&ke=9"))).code()).isEqualTo(404);

        Reply restored = send(withSession(editor, form(page + "/revisi/1/pulihkan", "_csrf=" + csrf(editor, page + "/revisi"))));
        assertThat(restored.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(editor, HttpRequest.GET(restored.header("Location")))).body()))
                .contains("Revisi 1 dipulihkan sebagai revisi baru.", "(pemulihan revisi 1)");
        assertThat(posts.get(Fixtures.signIn(accounts, sessions, "editor"), "bappeda", new PostId(id)).title())
                .isEqualTo("Musrenbang Kecamatan");
    }

    @Test
    void the_edit_form_shows_a_slug_clash_as_a_field_error_and_a_writer_loses_the_form_after_submitting() {
        draftBy("editor", "Rencana Kerja", "");
        long id = draftBy("penulis", "Rencana Strategis", "<p>Isi.</p>");
        String page = "/admin/t/bappeda/berita/" + id;
        String writer = consoleSignIn("penulis");

        Reply clash = send(withSession(writer, form(page + "/ubah", "_csrf=" + csrf(writer, page + "/ubah")
                + "&title=" + enc("Rencana Strategis") + "&slug=rencana-kerja&bodyHtml=x")));
        assertThat(clash.code()).isEqualTo(400);
        assertThat(clash.body()).contains("id=\"slug-error\"");
        assertThat(Html.text(clash.body())).contains("Slug ini sudah dipakai tulisan lain di situs ini.");

        assertThat(send(withSession(writer, form(page + "/langkah", "_csrf=" + csrf(writer, page) + "&event=submit"))).code())
                .isEqualTo(303);
        assertThat(send(withSession(writer, HttpRequest.GET(page))).body()).doesNotContain("id=\"edit-link\"");
        Reply locked = send(withSession(writer, HttpRequest.GET(page + "/ubah")));
        assertThat(locked.code()).isEqualTo(403);
        assertThat(Html.text(locked.body())).contains("sudah diserahkan untuk ditinjau");
        assertThat(send(withSession(writer, form(page + "/ubah", "_csrf=" + csrf(writer, page)
                + "&title=Diubah&bodyHtml=x"))).code()).isEqualTo(403);
        assertThat(send(withSession(writer, form(page + "/revisi/1/pulihkan", "_csrf=" + csrf(writer, page)))).code())
                .isEqualTo(403);
    }

    @Test
    void the_api_updates_lists_compares_and_restores() {
        long id = draftBy("penulis", "Data Statistik Sektoral", "<p>Tahun 2025.</p>");
        String base = "/api/v1/tenants/bappeda/posts/" + id;
        String editor = apiSignIn("editor");

        Reply updated = send(HttpRequest.PUT(base, Map.of("title", "Data Statistik Sektoral 2026",
                "bodyHtml", "<p>Tahun 2026.</p>", "displayDate", "2026-11-01", "seoDescription", "Data sektoral.")).bearerAuth(editor));
        assertThat(updated.code()).isEqualTo(200);
        assertThat(updated.body()).contains("\"title\":\"Data Statistik Sektoral 2026\"", "\"slug\":\"data-statistik-sektoral\"",
                "\"seoDescription\":\"Data sektoral.\"", "\"displayDate\":\"2026-10-31T17:00:00Z\"");

        Reply list = send(HttpRequest.GET(base + "/revisions").bearerAuth(editor));
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.body().indexOf("\"number\":2")).isLessThan(list.body().indexOf("\"number\":1"));
        assertThat(send(HttpRequest.GET(base + "/revisions/1").bearerAuth(editor)).body())
                .contains("\"title\":\"Data Statistik Sektoral\"", "\"author\":\"Uji penulis\"");
        assertThat(send(HttpRequest.GET(base + "/revisions/7").bearerAuth(editor)).code()).isEqualTo(404);

        Reply diff = send(HttpRequest.GET(base + "/revisions/diff?from=1&to=2").bearerAuth(editor));
        assertThat(diff.code()).isEqualTo(200);
        assertThat(diff.body()).contains("\"name\":\"bodyHtml\",\"changed\":true", "{\"text\":\"2025.\",\"changed\":true}",
                "{\"text\":\"2026.\",\"changed\":true}", "\"name\":\"summary\",\"changed\":false");
        Reply badDiff = send(HttpRequest.GET(base + "/revisions/diff?from=x").bearerAuth(editor));
        assertThat(badDiff.code()).isEqualTo(400);
        assertThat(badDiff.body()).contains("Nomor revisi harus bilangan bulat");

        Reply restored = send(HttpRequest.POST(base + "/revisions/1/restore", "").bearerAuth(editor));
        assertThat(restored.code()).isEqualTo(200);
        assertThat(restored.body()).contains("\"title\":\"Data Statistik Sektoral\"");
        assertThat(send(HttpRequest.GET(base + "/revisions/3").bearerAuth(editor)).body()).contains("\"restoredFrom\":1");

        Reply badSlug = send(HttpRequest.PUT(base, Map.of("title", "x", "slug", "Bukan Slug")).bearerAuth(editor));
        assertThat(badSlug.code()).isEqualTo(400);
        assertThat(badSlug.body()).contains("slug");

        // Another agency's admin: the post does not exist for them.
        String stranger = apiSignIn("kepala-bpbd");
        assertThat(send(HttpRequest.PUT(base, Map.of("title", "Diretas")).bearerAuth(stranger)).code()).isEqualTo(404);
        assertThat(send(HttpRequest.GET(base + "/revisions").bearerAuth(stranger)).code()).isEqualTo(404);
        Reply ownSite = send(HttpRequest.PUT("/api/v1/tenants/bpbd/posts/" + id, Map.of("title", "Diretas")).bearerAuth(stranger));
        assertThat(ownSite.code()).as(ownSite.body()).isEqualTo(404);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
