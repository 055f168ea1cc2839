package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.feed.ExternalFeed;
import id.serambi.core.feed.FeedService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The feeds of an agency's own website: its admin (or Kominfo's) registers the address, sees when it was last
 * read and why it failed, switches it off or asks for a new try. Kominfo's list spans every agency.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class FeedPageController {
    private static final List<String> NOTICES = List.of("registered", "enabled", "disabled", "poll", "removed");
    private final Pages pages;
    private final FeedService feeds;
    private final TenantService tenants;

    FeedPageController(Pages pages, FeedService feeds, TenantService tenants) {
        this.pages = pages;
        this.feeds = feeds;
        this.tenants = tenants;
    }

    @ActionRule(Action.VIEW_FEEDS)
    @Get("/t/{slug}/feed")
    HttpResponse<String> list(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return render(request, actor, slug, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.MANAGE_FEEDS)
    @Post(value = "/t/{slug}/feed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            feeds.register(actor, slug, form.get("url"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/feed?saved=registered"));
        } catch (InvalidInputException invalid) {
            return render(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of("url", form.getOrDefault("url", "")), invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.MANAGE_FEEDS)
    @Post(value = "/t/{slug}/feed/{id}/aktif", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setEnabled(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                               @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        boolean enabled = "true".equals(form.get("enabled"));
        feeds.setEnabled(actor, slug, id, enabled);
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/feed?saved=" + (enabled ? "enabled" : "disabled")));
    }

    @ActionRule(Action.MANAGE_FEEDS)
    @Post(value = "/t/{slug}/feed/{id}/periksa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> pollSoon(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                             @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        feeds.pollSoon(actor, slug, id);
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/feed?saved=poll"));
    }

    @ActionRule(Action.MANAGE_FEEDS)
    @Post(value = "/t/{slug}/feed/{id}/hapus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                           @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        feeds.remove(actor, slug, id);
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/feed?saved=removed"));
    }

    /** Kominfo's view: failing feeds of every agency first; {@code ?semua=1} lists all. */
    @ActionRule(Action.VIEW_FEEDS)
    @Get("/feed")
    HttpResponse<String> all(HttpRequest<?> request, Actor actor) {
        boolean everything = request.getParameters().getFirst("semua").isPresent();
        List<ExternalFeed> list = feeds.allFeeds(actor, !everything);
        Map<String, Object> params = new HashMap<>();
        params.put("feeds", list);
        params.put("everything", everything);
        return pages.page(request, actor, "platform-feeds.jte", params);
    }

    private HttpResponse<String> render(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form) {
        List<ExternalFeed> list = feeds.feeds(actor, slug);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("feeds", list);
        params.put("form", form);
        params.put("saved", request.getParameters().getFirst("saved").filter(NOTICES::contains).orElse(""));
        return pages.render(request, status, "feeds.jte", pages.withView(request, actor, params));
    }
}
