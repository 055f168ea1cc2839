package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.portal.PortalPinService;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Kominfo curates the district home's headlines: pin a post that is on the portal, unpin it (issue 4). */
@Controller("/admin/berita-utama")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PortalHeadlinesController {
    static final int CANDIDATES = 30;

    private final Pages pages;
    private final PortalPinService pins;

    PortalHeadlinesController(Pages pages, PortalPinService pins) {
        this.pages = pages;
        this.pins = pins;
    }

    @ActionRule(Action.PIN_ON_PORTAL)
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        return render(request, actor, HttpStatus.OK, "");
    }

    @ActionRule(Action.PIN_ON_PORTAL)
    @Post(value = "/sematkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> pin(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "pinned", true);
    }

    @ActionRule(Action.PIN_ON_PORTAL)
    @Post(value = "/lepas", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unpin(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "unpinned", false);
    }

    private HttpResponse<?> act(HttpRequest<?> request, Actor actor, Map<String, String> form, String done, boolean pin) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        String post = form.getOrDefault("post", "");
        if (!post.matches("\\d{1,18}")) {
            return render(request, actor, HttpStatus.BAD_REQUEST, pages.messages(request).get("validation.portal_pin.unknown_post"));
        }
        try {
            if (pin) {
                pins.pin(actor, form.get("tenant"), Long.parseLong(post));
            } else {
                pins.unpin(actor, form.get("tenant"), Long.parseLong(post));
            }
            return HttpResponse.seeOther(URI.create("/admin/berita-utama?saved=" + done));
        } catch (InvalidInputException invalid) {
            var messages = pages.messages(request);
            return render(request, actor, HttpStatus.BAD_REQUEST, messages.get(invalid.errors().get(0).messageKey()));
        }
    }

    private HttpResponse<String> render(HttpRequest<?> request, Actor actor, HttpStatus status, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("posts", pins.candidates(actor, CANDIDATES));
        params.put("headlines", PortalPinService.HEADLINES);
        params.put("error", error);
        params.put("saved", request.getParameters().getFirst("saved").filter(s -> s.matches("pinned|unpinned")).orElse(""));
        return pages.render(request, status, "portal-headlines.jte", pages.withView(request, actor, params));
    }
}
