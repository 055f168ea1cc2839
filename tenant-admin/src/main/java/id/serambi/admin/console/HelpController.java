package id.serambi.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.PublicEndpoint;

/**
 * The manual for agency admins that the portal SOP asks Kominfo to hand out, built in: one page per topic,
 * written per language in resources/help/{id,en}. Readable without signing in, so it helps at the login too.
 */
@Controller("/admin/bantuan")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
class HelpController {
    /** The topics in reading order; each is a file name and a message key "help.topic.<name>". */
    static final List<String> TOPICS = List.of("memulai", "menulis", "kuota", "moderasi", "pengaduan", "keamanan");

    private final Pages pages;
    private final Map<String, String> loaded = new ConcurrentHashMap<>();

    HelpController(Pages pages) {
        this.pages = pages;
    }

    @PublicEndpoint
    @Get
    HttpResponse<String> index(HttpRequest<?> request) {
        return topic(request, TOPICS.get(0));
    }

    @PublicEndpoint
    @Get("/{topic}")
    HttpResponse<String> topic(HttpRequest<?> request, String topic) {
        var actor = SignedIn.actor(request).orElse(null);
        if (!TOPICS.contains(topic)) {
            return pages.error(request, actor, HttpStatus.NOT_FOUND, "not_found");
        }
        String lang = pages.messages(request).locale().getLanguage();
        String html = loaded.computeIfAbsent(lang + "/" + topic, HelpController::load);
        return pages.page(request, actor, "help.jte", Map.of("topics", TOPICS, "current", topic, "html", html));
    }

    // Shipped with the build, written by us: trusted HTML, inserted as is.
    private static String load(String path) {
        try (InputStream in = HelpController.class.getClassLoader().getResourceAsStream("help/" + path + ".html")) {
            if (in == null) {
                throw new IllegalStateException("help page missing from the build: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
