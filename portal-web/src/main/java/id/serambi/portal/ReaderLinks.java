package id.serambi.portal;

import id.serambi.core.portal.PortalReading;
import id.serambi.core.portal.PortalTenant;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Absolute addresses for canonical links, OpenGraph and JSON-LD: an agency with its own host name is canonical
 * there; otherwise its site lives under the portal's public address ({@code serambi.portal.base-url}).
 */
@Singleton
@PortalApp
class ReaderLinks {
    private final String portalOrigin;
    private final String scheme;
    private final PortalReading reading;

    ReaderLinks(@Value("${serambi.portal.base-url:http://localhost:8080}") String baseUrl, PortalReading reading) {
        this.portalOrigin = baseUrl.replaceAll("/+$", "");
        this.scheme = portalOrigin.startsWith("https:") ? "https" : "http";
        this.reading = reading;
    }

    SiteLinks forDistrict(HttpRequest<?> request) {
        return new SiteLinks(portalOrigin, portalOrigin);
    }

    SiteLinks forAgency(HttpRequest<?> request, PortalTenant tenant, String base) {
        String site = reading.host(tenant.id()).map(host -> scheme + "://" + host).orElse(portalOrigin + "/" + tenant.slug());
        return new SiteLinks(site, portalOrigin);
    }
}
