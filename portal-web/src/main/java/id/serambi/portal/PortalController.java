package id.serambi.portal;

import java.util.Map;
import java.util.Optional;

import id.serambi.core.portal.PortalPost;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * What readers see: the district home with the latest news of every agency, each agency's site (at its own
 * host name, or at /{slug} inside the portal) and each post's page. A request's Host decides first: on an
 * agency's own domain, "/" is that agency's site.
 */
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class PortalController {
    static final int HOME_POSTS = 20;
    static final int SITE_POSTS = 20;

    private final PortalQueries portal;
    private final PortalPages pages;

    PortalController(PortalQueries portal, PortalPages pages) {
        this.portal = portal;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> home(HttpRequest<?> request) {
        Optional<PortalTenant> byHost = hostTenant(request);
        if (byHost.isPresent()) {
            return agencySite(request, byHost.get());
        }
        return pages.render(request, HttpStatus.OK, "home.jte", Map.of("posts", portal.latestOnPortal(HOME_POSTS)));
    }

    @Get("/{slug}")
    HttpResponse<String> site(HttpRequest<?> request, String slug) {
        return portal.tenantBySlug(slug).map(t -> agencySite(request, t)).orElseGet(() -> pages.notFound(request));
    }

    @Get("/{slug}/berita/{postSlug}")
    HttpResponse<String> post(HttpRequest<?> request, String slug, String postSlug) {
        Optional<PortalTenant> tenant = portal.tenantBySlug(slug);
        if (tenant.isEmpty()) {
            return pages.notFound(request);
        }
        if (tenant.get().suspended()) {
            return maintenance(request, tenant.get());
        }
        Optional<PortalPost> post = portal.post(tenant.get().id(), postSlug);
        return post.map(p -> pages.render(request, HttpStatus.OK, "post.jte", Map.of("tenant", tenant.get(), "post", p)))
                .orElseGet(() -> pages.notFound(request));
    }

    /** The agency's logo as it was uploaded (its type checked from the bytes then). */
    @Get("/{slug}/logo")
    HttpResponse<?> logo(HttpRequest<?> request, String slug) {
        return portal.logo(slug).<HttpResponse<?>>map(logo -> HttpResponse.ok(logo.image())
                        .contentType(logo.contentType())
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> pages.notFound(request));
    }

    /** Any path no route knows: the portal's own 404 page. */
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<String> notFound(HttpRequest<?> request) {
        return pages.notFound(request);
    }

    private HttpResponse<String> agencySite(HttpRequest<?> request, PortalTenant tenant) {
        if (tenant.suspended()) {
            return maintenance(request, tenant);
        }
        return pages.render(request, HttpStatus.OK, "agency.jte",
                Map.of("tenant", tenant, "posts", portal.latestOfTenant(tenant.id(), SITE_POSTS)));
    }

    private HttpResponse<String> maintenance(HttpRequest<?> request, PortalTenant tenant) {
        return pages.render(request, HttpStatus.SERVICE_UNAVAILABLE, "maintenance.jte", Map.of("tenant", tenant));
    }

    private Optional<PortalTenant> hostTenant(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(java.util.Locale.ROOT).replaceFirst(":\\d+$", "");
        return portal.tenantByHost(name);
    }
}
