package id.serambi.portal;

import java.util.Map;

import id.serambi.core.view.ClasspathAssets;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The portal's stylesheet, cacheable by browsers and a CDN, revalidated by ETag. */
@Controller("/assets")
@Produces("text/css")
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetsController {
    private final ClasspathAssets assets = new ClasspathAssets("portal-assets", Map.of("portal.css", "text/css;charset=utf-8"));
    private final PortalPages pages;

    AssetsController(PortalPages pages) {
        this.pages = pages;
    }

    @Get("/{name}")
    HttpResponse<?> asset(HttpRequest<?> request, String name) {
        return assets.find(name).<HttpResponse<?>>map(asset -> {
            if (asset.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
                return HttpResponse.notModified();
            }
            return HttpResponse.ok(asset.bytes()).contentType(asset.mediaType()).header(HttpHeaders.ETAG, asset.etag())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        }).orElseGet(() -> pages.notFound(request));
    }
}
