package id.serambi.admin.security;

import id.serambi.admin.AdminApp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Console and API responses: no inline script can run (CSP), the console cannot be framed, types are not
 * sniffed, and nothing is cached by shared caches.
 */
@ServerFilter({"/admin/**", "/api/**"})
@AdminApp
class SecurityHeadersFilter {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        // Media files say themselves how long a browser may keep them (privately); everything else is not stored.
        if (!request.getPath().startsWith("/admin/assets/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
