package id.serambi.portal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.PostPath;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Absolute addresses for feeds and sitemaps, which leave the page and so cannot be relative. The base is the
 * setting {@code serambi.portal.base-url} (set it in production: it does not trust the request), else the
 * request's scheme and Host. An agency with its own host name gets its addresses there.
 */
@Singleton
@PortalApp
class PortalLinks {
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]{1,253}(:\\d{1,5})?");

    private final String configuredBase;
    private final PortalQueries portal;

    PortalLinks(@Value("${serambi.portal.base-url:}") String configuredBase, PortalQueries portal) {
        this.configuredBase = configuredBase.strip().replaceFirst("/+$", "");
        this.portal = portal;
    }

    /** The district portal's address without a trailing slash, e.g. {@code https://contohkab.go.id}. */
    String base(HttpRequest<?> request) {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        return scheme(request) + "://" + requestHost(request).orElse("localhost");
    }

    /** Where an agency's pages live: its own host name when it has one, else the portal. */
    String siteBase(HttpRequest<?> request, String host) {
        return host == null ? base(request) : scheme(request) + "://" + host;
    }

    /** The address of an agency's home page. */
    String agencyHome(HttpRequest<?> request, String tenantSlug, String host) {
        return host == null ? base(request) + "/" + tenantSlug : siteBase(request, host) + "/";
    }

    /** The canonical address of a post: on the agency's own host when it has one, else under "/{slug}". */
    String post(HttpRequest<?> request, String tenantSlug, String host, String kind, String postSlug) {
        String site = host == null ? base(request) + "/" + tenantSlug : siteBase(request, host);
        return PostPath.of(site, kind, postSlug);
    }

    /** The agency whose own host name the request came to, if any: there "/" and "/cari" are that agency's. */
    Optional<PortalTenant> hostTenant(HttpRequest<?> request) {
        return requestHost(request).map(h -> h.replaceFirst(":\\d+$", "")).flatMap(portal::tenantByHost);
    }

    private String scheme(HttpRequest<?> request) {
        if (!configuredBase.isEmpty()) {
            return configuredBase.startsWith("https:") ? "https" : "http";
        }
        boolean https = request.isSecure() || request.getHeaders().findFirst("X-Forwarded-Proto")
                .map(p -> p.trim().equalsIgnoreCase("https")).orElse(false);
        return https ? "https" : "http";
    }

    /** The Host header if it is a plain host name (and port): anything else is not put into a link. */
    private static Optional<String> requestHost(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null) {
            return Optional.empty();
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        return HOST.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
