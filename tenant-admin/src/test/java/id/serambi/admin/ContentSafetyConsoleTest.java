package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The content-safety refusals as an agency admin meets them in the console's post form. */
@MicronautTest(environments = "admin", transactional = false)
class ContentSafetyConsoleTest extends AdminHttpTest {
    static final String OWN_PASSWORD = "jendela-kaca-hijau-77";
    @Inject TenantService tenants;

    String admin;

    @BeforeAll
    void agencyAdminSignedIn() {
        Fixtures.tenantWithAdmin(tenants, "dinsos", "Dinas Sosial");
        Reply response = send(form("/admin/login", "username=admin-dinsos&password=" + Fixtures.PASSWORD));
        assertThat(response.code()).isEqualTo(303);
        admin = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        // An admin created with an initial password replaces it before anything else.
        Reply home = send(withSession(HttpRequest.GET("/admin/t/dinsos")));
        if (home.code() == 303 && home.header("Location").startsWith("/admin/kata-sandi")) {
            Reply changed = send(withSession(form("/admin/kata-sandi", "_csrf=" + csrf("/admin/kata-sandi")
                    + "&current=" + Fixtures.PASSWORD + "&password=" + OWN_PASSWORD + "&confirmation=" + OWN_PASSWORD)));
            assertThat(changed.code()).isEqualTo(303);
        }
    }

    @Test
    void personal_data_is_shown_masked_and_an_editor_publishes_with_a_reason() {
        Map<String, String> post = post("Penerima Bantuan Sosial", "<p>Ibu Siti, NIK 3201015205900002.</p>");
        // "Save and publish" refused: the draft is kept (once) and its edit page says why.
        Reply refused = send(withSession(form("/admin/t/dinsos/posts", encode(post))));
        assertThat(refused.code()).isEqualTo(303);
        String editPage = refused.header("Location");
        assertThat(editPage).matches("/admin/t/dinsos/berita/\\d+/ubah\\?terbit=ditolak");
        assertThat(Html.text(send(withSession(HttpRequest.GET(editPage))).body()))
                .contains("Ditemukan data pribadi: NIK 3201**********02");

        // On the post's page the editor publishes that draft with a reason.
        String postPage = editPage.substring(0, editPage.indexOf("/ubah"));
        Reply asked = send(withSession(form(postPage + "/langkah", encode(Map.of("_csrf", csrf(postPage), "event", "publish")))));
        assertThat(asked.code()).isEqualTo(400);
        assertThat(Html.text(asked.body())).contains("Alasan tetap menerbitkan");
        Reply published = send(withSession(form(postPage + "/langkah", encode(Map.of("_csrf", csrf(postPage), "event", "publish",
                "overrideReason", "Diumumkan atas izin tertulis yang bersangkutan.")))));
        assertThat(published.code()).isEqualTo(303);
    }

    @Test
    void a_nik_is_marked_in_the_editor_and_blocks_publishing_until_it_is_removed() {
        String body = "<p>Pembukaan acara.</p><p>Peserta: Ani, NIK 3201015205900002, kelas 9.</p>";
        Reply refused = send(withSession(form("/admin/t/dinsos/posts", encode(post("Penerima Beasiswa Daerah", body)))));
        String editPage = refused.header("Location");
        assertThat(editPage).matches("/admin/t/dinsos/berita/\\d+/ubah\\?terbit=ditolak");
        String postPage = editPage.substring(0, editPage.indexOf("/ubah"));

        // The editor lists the finding: what it is, where, and the text itself marked in its paragraph.
        String editor = send(withSession(HttpRequest.GET(postPage + "/ubah"))).body();
        assertThat(editor).contains("id=\"personal-data-findings\"", "data-kind=\"nik\" data-field=\"bodyHtml\"",
                "Peserta: Ani, NIK <mark>3201015205900002</mark>, kelas 9.");
        String findings = Html.text(editor.substring(editor.indexOf("id=\"personal-data-findings\""), editor.indexOf("</section>")));
        assertThat(findings).contains("Data pribadi ditemukan (1)", "NIK · di isi, paragraf 2");

        // Publishing is refused while the number stands.
        Reply blocked = send(withSession(form(postPage + "/langkah", encode(Map.of("_csrf", csrf(postPage), "event", "publish")))));
        assertThat(blocked.code()).isEqualTo(400);
        assertThat(Html.text(blocked.body())).contains("Ditemukan data pribadi: NIK 3201**********02");

        // The writer removes it: the editor shows no finding, and the post goes live without any override.
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("_csrf", csrf(postPage + "/ubah"));
        edit.put("title", "Penerima Beasiswa Daerah");
        edit.put("summary", "");
        edit.put("bodyHtml", "<p>Pembukaan acara.</p><p>Peserta: Ani, kelas 9.</p>");
        Reply saved = send(withSession(form(postPage + "/ubah", encode(edit))));
        assertThat(saved.code()).as(Html.text(saved.body())).isEqualTo(303);
        assertThat(send(withSession(HttpRequest.GET(postPage + "/ubah"))).body()).doesNotContain("personal-data-findings");
        Reply published = send(withSession(form(postPage + "/langkah", encode(Map.of("_csrf", csrf(postPage), "event", "publish")))));
        assertThat(published.code()).isEqualTo(303);
        assertThat(overrides(postPage)).as("no override was needed").isEmpty();
    }

    @Test
    void a_phone_number_and_an_email_are_marked_and_an_override_records_its_reason() {
        Reply refused = send(withSession(form("/admin/t/dinsos/posts", encode(post("Posko Pengaduan Banjir",
                "<p>Hubungi koordinator di 0812-3456-7890 atau relawan.banjir@gmail.com kapan saja.</p>")))));
        String postPage = refused.header("Location").substring(0, refused.header("Location").indexOf("/ubah"));
        String editor = send(withSession(HttpRequest.GET(postPage + "/ubah"))).body();
        assertThat(editor).contains("data-kind=\"phone\"", "<mark>0812-3456-7890</mark>", "data-kind=\"email\"",
                "<mark>relawan.banjir@gmail.com</mark>");
        assertThat(Html.text(editor)).contains("Data pribadi ditemukan (2)", "nomor telepon pribadi · di isi, paragraf 1",
                "alamat e-mail pribadi · di isi, paragraf 1");

        String reason = "Nomor posko resmi, diumumkan atas permintaan BPBD.";
        Reply published = send(withSession(form(postPage + "/langkah", encode(Map.of("_csrf", csrf(postPage), "event", "publish",
                "overrideReason", reason)))));
        assertThat(published.code()).isEqualTo(303);
        assertThat(overrides(postPage)).containsExactly(reason);
    }

    /** The reasons recorded in the audit trail for publishing this post despite personal data. */
    private java.util.List<String> overrides(String postPage) {
        String postId = postPage.substring(postPage.lastIndexOf('/') + 1);
        try (var c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var q = c.prepareStatement("select detail->>'reason' from audit_log where action = 'post.personal_data_override'"
                     + " and subject_id = ? order by id")) {
            q.setString(1, postId);
            var reasons = new java.util.ArrayList<String>();
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
            }
            return reasons;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gambling_spam_is_refused_with_what_was_found() {
        Reply refused = send(withSession(form("/admin/t/dinsos/posts",
                encode(post("Info Layanan", "<p>Daftar s1ot g4cor, RTP live hari ini</p>")))));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(Html.text(refused.body())).contains("Terdeteksi spam judi online: istilah judi online (slot gacor)");
    }

    private Map<String, String> post(String title, String body) {
        Map<String, String> post = new LinkedHashMap<>();
        post.put("_csrf", csrf("/admin/t/dinsos"));
        post.put("title", title);
        post.put("kind", "news");
        post.put("summary", "");
        post.put("bodyHtml", body);
        post.put("action", "publish");
        return post;
    }

    private String csrf(String page) {
        return Html.csrfToken(send(withSession(HttpRequest.GET(page))).body());
    }

    private <T> MutableHttpRequest<T> withSession(MutableHttpRequest<T> request) {
        return request.cookie(Cookie.of("serambi_session", admin));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
