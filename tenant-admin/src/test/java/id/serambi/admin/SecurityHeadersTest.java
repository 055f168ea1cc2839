package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.serambi.admin.security.SessionCookie;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** What a browser is told to enforce: CSP with a per-page nonce, HSTS and the __Host- cookie over HTTPS. */
@MicronautTest(environments = "admin", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest extends AdminHttpTest {
    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    SessionService sessions;

    @BeforeAll
    void writer() {
        var tenant = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Dukcapil");
        accounts.createMember(Fixtures.SYSTEM, tenant.id(),
                new NewAccount("penulis-dukcapil", "Penulis Dukcapil", null, Fixtures.PASSWORD), Role.WRITER, false);
    }

    @Test
    void every_console_page_gets_a_fresh_nonce_and_no_unsafe_inline() {
        String first = send(HttpRequest.GET("/admin/login")).header("Content-Security-Policy");
        String second = send(HttpRequest.GET("/admin/login")).header("Content-Security-Policy");
        assertThat(first).contains("script-src 'self' 'nonce-", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(nonce(first)).isNotEqualTo(nonce(second)).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_the_cookie_is_not_secure() {
        Reply login = send(form("/admin/login", "username=penulis-dukcapil&password=" + Fixtures.PASSWORD));
        assertThat(login.header("Strict-Transport-Security")).isNull();
        assertThat(setCookie(login)).startsWith(SessionCookie.NAME + "=").doesNotContainIgnoringCase("secure");
    }

    @Test
    void behind_an_https_proxy_the_cookie_is_host_prefixed_and_secure_and_hsts_is_sent() {
        Reply login = send(form("/admin/login", "username=penulis-dukcapil&password=" + Fixtures.PASSWORD)
                .header("X-Forwarded-Proto", "https"));
        assertThat(login.code()).isEqualTo(303);
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=31536000");
        String cookie = setCookie(login);
        assertThat(cookie).startsWith(SessionCookie.HTTPS_NAME + "=").containsIgnoringCase("secure")
                .containsIgnoringCase("httponly").contains("Path=/");
        String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

        Reply withPrefixed = send(HttpRequest.GET("/admin/sessions").header("X-Forwarded-Proto", "https")
                .cookie(Cookie.of(SessionCookie.HTTPS_NAME, token)));
        assertThat(withPrefixed.code()).isEqualTo(200);
        // The same token in a plain cookie is what a planted cookie would look like: over HTTPS it does not count.
        Reply withPlain = send(HttpRequest.GET("/admin/sessions").accept("text/html").header("X-Forwarded-Proto", "https")
                .cookie(Cookie.of(SessionCookie.NAME, token)));
        assertThat(withPlain.code()).isIn(302, 303);
        assertThat(withPlain.header("Location")).isEqualTo("/admin/login");
    }

    private static String setCookie(Reply reply) {
        return reply.headers().getAll("Set-Cookie").stream().filter(c -> c.contains("serambi_session")).findFirst().orElseThrow();
    }

    private static String nonce(String csp) {
        int start = csp.indexOf("'nonce-") + 7;
        return csp.substring(start, csp.indexOf('\'', start));
    }
}
