package id.serambi.admin.console;

import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.view.ClasspathAssets;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.PublicEndpoint;

/** The console's stylesheet, with an ETag so browsers revalidate cheaply. */
@Controller("/admin/assets")
@Produces("text/css")
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetsController {
    private final ClasspathAssets assets = new ClasspathAssets("admin-assets", Map.of("admin.css", "text/css;charset=utf-8"));

    @PublicEndpoint
    @Get("/{name}")
    HttpResponse<byte[]> asset(HttpRequest<?> request, String name) {
        return assets.find(name).<HttpResponse<byte[]>>map(asset -> {
            if (asset.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
                return HttpResponse.notModified();
            }
            return HttpResponse.ok(asset.bytes()).contentType(asset.mediaType()).header(HttpHeaders.ETAG, asset.etag())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        }).orElseGet(HttpResponse::notFound);
    }
}
