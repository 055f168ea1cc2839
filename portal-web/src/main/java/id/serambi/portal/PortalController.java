package id.serambi.portal;


import id.serambi.core.portal.PortalQueries;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Agency logos and the portal's 404 page. The reader pages themselves (district home, agency sites, posts)
 * are {@link ReaderController}'s.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class PortalController {
    private final PortalQueries portal;
    private final PortalPages pages;

    PortalController(PortalQueries portal, PortalPages pages) {
        this.portal = portal;
        this.pages = pages;
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
}
