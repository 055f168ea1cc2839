package id.serambi.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Reader pages: no script at all may run (CSP), pages cannot be framed by other sites, types are not sniffed.
 * Even if injected markup ever reached a page, the browser would refuse to run it.
 */
@ServerFilter("/**")
@PortalApp
class SecurityHeadersFilter {
    static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data: https:; "
            + "media-src 'self' https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        // The console and the API set their own, stricter headers.
        if (path.startsWith("/admin") || path.startsWith("/api/")) {
            return;
        }
        var headers = response.getHeaders();
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
