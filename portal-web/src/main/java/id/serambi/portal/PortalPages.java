package id.serambi.portal;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.serambi.core.i18n.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

/** Renders portal pages from the precompiled JTE templates, in Indonesian unless the reader chose English. */
@Singleton
@PortalApp
class PortalPages {
    static final String BUNDLE = "i18n.portal";
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
            PortalPages.class.getClassLoader(), "id.serambi.portal.templates");
    private final String portalName;
    private final ZoneId zone;

    PortalPages(@Value("${serambi.portal.name:Kabupaten Contoh}") String portalName, ZoneId zone) {
        this.portalName = portalName;
        this.zone = zone;
    }

    HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> params) {
        // A page of one agency is cached under that agency's generation too (see PageCacheFilter).
        if (params.get("tenant") instanceof id.serambi.core.portal.PortalTenant tenant) {
            request.setAttribute(id.serambi.portal.cache.PageCacheFilter.SCOPE_ATTRIBUTE, tenant.id().cacheScope());
        }
        Map<String, Object> all = new HashMap<>(params);
        all.put("view", new PortalView(Messages.of(locale(request), BUNDLE), portalName, zone));
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        var response = HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
        request.getParameters().getFirst("lang").filter(l -> l.equals("id") || l.equals("en"))
                .ifPresent(l -> response.cookie(Cookie.of(Messages.LANG_COOKIE, l).path("/").httpOnly(true).maxAge(31_536_000L)));
        return response;
    }

    Messages messages(HttpRequest<?> request) {
        return Messages.of(locale(request), BUNDLE);
    }

    HttpResponse<String> notFound(HttpRequest<?> request) {
        return render(request, HttpStatus.NOT_FOUND, "not-found.jte", Map.of());
    }

    static Locale locale(HttpRequest<?> request) {
        return Messages.chosen(request.getParameters().getFirst("lang"),
                request.getCookies().findCookie(Messages.LANG_COOKIE).map(Cookie::getValue));
    }
}
