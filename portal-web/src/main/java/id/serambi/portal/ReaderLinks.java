package id.serambi.portal;

import id.serambi.core.portal.PortalReading;
import id.serambi.core.portal.PortalTenant;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Absolute addresses for canonical links, OpenGraph and JSON-LD: an agency with its own host name is canonical
 * there; otherwise its site lives under the portal's public address (see {@link PortalLinks}: the setting
 * {@code serambi.portal.base-url}, else the request's own host).
 */
@Singleton
@PortalApp
class ReaderLinks {
    private final PortalLinks links;
    private final PortalReading reading;

    ReaderLinks(PortalLinks links, PortalReading reading) {
        this.links = links;
        this.reading = reading;
    }

    SiteLinks forDistrict(HttpRequest<?> request) {
        String origin = links.base(request);
        return new SiteLinks(origin, origin);
    }

    SiteLinks forAgency(HttpRequest<?> request, PortalTenant tenant, String base) {
        String origin = links.base(request);
        String site = reading.host(tenant.id()).map(host -> links.siteBase(request, host))
                .orElse(origin + "/" + tenant.slug());
        return new SiteLinks(site, origin);
    }
}
