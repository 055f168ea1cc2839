package id.serambi.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Reader pages: no script at all may run (CSP {@code script-src 'none'}, stricter than any nonce), pages cannot
 * be framed by other sites, types are not sniffed, and browsers keep to HTTPS once they saw it (HSTS). Even if
 * injected markup ever reached a page, the browser would refuse to run it.
 */
@ServerFilter("/**")
@PortalApp
public class SecurityHeadersFilter {
    static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data: https:; "
            + "media-src 'self' https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean https;

    SecurityHeadersFilter(@Value("${serambi.https:false}") boolean https) {
        this.https = https;
    }

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
        // Behind a TLS proxy, X-Forwarded-Proto tells; a client forging it only changes its own response.
        boolean viaHttps = request.isSecure() || request.getHeaders().findFirst("X-Forwarded-Proto")
                .map(p -> p.trim().equalsIgnoreCase("https")).orElse(false);
        if (https || viaHttps) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
