package id.serambi.admin.security;

import id.serambi.admin.AdminApp;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Console and API responses: only our own scripts and styles, or inline ones carrying the page's nonce, can run
 * (CSP without 'unsafe-inline'); the console cannot be framed; types are not sniffed; browsers keep to HTTPS
 * once they saw it (HSTS); nothing is cached by shared caches.
 */
@ServerFilter({"/admin/**", "/api/**"})
@AdminApp
class SecurityHeadersFilter {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean https;

    SecurityHeadersFilter(@Value("${serambi.https:false}") boolean https) {
        this.https = https;
    }

    static String csp(String nonce) {
        String inline = nonce == null ? "" : " 'nonce-" + nonce + "'";
        return "default-src 'self'; script-src 'self'" + inline + "; style-src 'self'" + inline
                + "; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("Content-Security-Policy", csp(CspNonce.of(request).orElse(null)));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        if (https || Https.of(request)) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        // Media files say themselves how long a browser may keep them (privately); everything else is not stored.
        if (!request.getPath().startsWith("/admin/assets/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
