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
