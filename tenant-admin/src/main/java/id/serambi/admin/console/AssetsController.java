package id.serambi.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

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

/**
 * The console's stylesheet and scripts, and the rich-text editor's files from its webjar, with an ETag so
 * browsers revalidate cheaply. Served from the console's own origin so the CSP can stay script-src 'self'.
 */
@Controller("/admin/assets")
@Produces("text/css")
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetsController {
    private final ClasspathAssets assets = new ClasspathAssets("admin-assets", Map.of("admin.css", "text/css;charset=utf-8",
            "editor.js", "text/javascript;charset=utf-8", "post-kind.js", "text/javascript;charset=utf-8"));
    // Quill's own files (BSD-3-Clause), named one by one: nothing else of the webjar can be reached.
    private final ClasspathAssets quill = new ClasspathAssets("META-INF/resources/webjars/quill/" + webjarVersion("quill") + "/dist",
            Map.of("quill.min.js", "text/javascript;charset=utf-8", "quill.snow.css", "text/css;charset=utf-8"));

    @PublicEndpoint
    @Get("/{name}")
    HttpResponse<byte[]> asset(HttpRequest<?> request, String name) {
        return serve(request, assets, name);
    }

    @PublicEndpoint
    @Get("/quill/{name}")
    HttpResponse<byte[]> quill(HttpRequest<?> request, String name) {
        return serve(request, quill, name);
    }

    private static HttpResponse<byte[]> serve(HttpRequest<?> request, ClasspathAssets assets, String name) {
        return assets.find(name).<HttpResponse<byte[]>>map(asset -> {
            if (asset.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
                return HttpResponse.notModified();
            }
            return HttpResponse.ok(asset.bytes()).contentType(asset.mediaType()).header(HttpHeaders.ETAG, asset.etag())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        }).orElseGet(HttpResponse::notFound);
    }

    // The version from the webjar's own Maven metadata, so a version bump in the POM needs no code change.
    private static String webjarVersion(String artifact) {
        String path = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = AssetsController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("webjar missing from the build: " + path);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
