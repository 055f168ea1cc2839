package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The rich-text editor's files come from the console itself, and the post form stays a plain form field. */
@MicronautTest(environments = "admin", transactional = false)
class EditorAssetsTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;

    @BeforeAll
    void aSiteWithAWriter() {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "disdik", "Dinas Pendidikan");
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("penulis", "Uji penulis", null, Fixtures.PASSWORD),
                Role.WRITER, false);
    }

    @Test
    void quill_and_the_editor_script_are_served_from_our_origin_and_nothing_else_of_the_webjar() {
        Reply quill = send(HttpRequest.GET("/admin/assets/quill/quill.min.js"));
        assertThat(quill.code()).isEqualTo(200);
        assertThat(quill.headers().get("Content-Type")).startsWith("text/javascript");
        assertThat(quill.body()).contains("Quill");
        assertThat(send(HttpRequest.GET("/admin/assets/quill/quill.snow.css")).headers().get("Content-Type")).startsWith("text/css");
        assertThat(send(HttpRequest.GET("/admin/assets/editor.js")).body()).contains("data-rich-editor");
        assertThat(send(HttpRequest.GET("/admin/assets/quill/quill.js")).code()).isEqualTo(404);
        assertThat(send(HttpRequest.GET("/admin/assets/quill/..%2F..%2F..%2Fpackage.json")).code()).isEqualTo(404);
    }

    @Test
    void the_new_post_form_carries_the_editor_and_formatted_html_is_kept_on_save() {
        Reply login = send(form("/admin/login", "username=penulis&password=" + Fixtures.PASSWORD));
        String session = login.sessionCookie().map(Cookie::getValue).orElseThrow();
        Reply home = send(HttpRequest.GET("/admin/t/disdik").cookie(Cookie.of("serambi_session", session)));
        assertThat(home.body()).contains("<textarea id=\"bodyHtml\" name=\"bodyHtml\"", "data-rich-editor",
                "<script src=\"/admin/assets/quill/quill.min.js\" defer></script>", "/admin/assets/editor.js")
                .doesNotContain("<script>");
        String csp = home.headers().get("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");

        String body = java.net.URLEncoder.encode("<p>Siswa <strong>berprestasi</strong></p><ul><li>Satu</li><li>Dua</li></ul>"
                + "<p class=\"MsoNormal\" style=\"mso-bidi-font-weight:bold\">Dari Word</p>", java.nio.charset.StandardCharsets.UTF_8);
        Reply saved = send(form("/admin/t/disdik/posts", "_csrf=" + Html.csrfToken(home.body()) + "&title=Lomba+Sains&kind=news&bodyHtml="
                + body).cookie(Cookie.of("serambi_session", session)));
        assertThat(saved.code()).isEqualTo(303);
        String location = saved.headers().get("Location");
        String posts = send(HttpRequest.GET("/admin/t/disdik").cookie(Cookie.of("serambi_session", session))).body();
        int at = posts.indexOf("/admin/t/disdik/berita/");
        String postPath = posts.substring(at, posts.indexOf('"', at));
        String page = send(HttpRequest.GET(postPath).cookie(Cookie.of("serambi_session", session))).body();
        assertThat(page).contains("<strong>berprestasi</strong>", "<ul><li>Satu</li><li>Dua</li></ul>", "<p>Dari Word</p>")
                .doesNotContain("MsoNormal", "mso-bidi");
        assertThat(location).isNotBlank();
    }
}
