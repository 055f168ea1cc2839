package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.moderation.ModerationService;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
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
 * Kominfo's moderation in the console: the queue (posts waiting for the portal, coordinators' flags, spam-guard
 * hits), one post's moderation page with its actions, and a tenant's moderation history. Every action is a form
 * with a required reason.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ModerationController {
    private final Pages pages;
    private final ModerationService moderation;
    private final PostService posts;
    private final TenantService tenants;

    ModerationController(Pages pages, ModerationService moderation, PostService posts, TenantService tenants) {
        this.pages = pages;
        this.moderation = moderation;
        this.posts = posts;
        this.tenants = tenants;
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/moderasi")
    HttpResponse<String> queue(HttpRequest<?> request, Actor actor) {
        return queuePage(request, actor, HttpStatus.OK, List.of());
    }

    private HttpResponse<String> queuePage(HttpRequest<?> request, Actor actor, HttpStatus status, List<String> problems) {
        Map<String, Object> params = new HashMap<>();
        params.put("queue", moderation.queue(actor));
        params.put("problems", problems);
        params.put("done", request.getParameters().getFirst("selesai").orElse(""));
        return pages.render(request, status, "moderation-queue.jte", pages.withView(request, actor, params));
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/t/{slug}/moderasi")
    HttpResponse<String> history(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        var entries = moderation.history(actor, slug, 200);
        Map<String, Object> params = new HashMap<>();
        params.put("entries", entries);
        params.put("tenant", tenants.get(actor, slug));
        return pages.page(request, actor, "tenant-moderation.jte", params);
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/t/{slug}/berita/{id}/moderasi")
    HttpResponse<String> post(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        return postPage(request, actor, slug, id, HttpStatus.OK, List.of(), FormState.empty());
    }

    private HttpResponse<String> postPage(HttpRequest<?> request, Actor actor, String slug, long id, HttpStatus status,
                                          List<String> problems, FormState reviseForm) {
        PostId postId = new PostId(id);
        var state = moderation.post(actor, slug, postId);
        boolean mayModerate = view(request, actor).may(Action.MODERATE_POST);
        Map<String, Object> params = new HashMap<>();
        params.put("post", state);
        params.put("history", moderation.postHistory(actor, slug, postId));
        params.put("actions", mayModerate ? moderation.possibleActions(actor, slug, postId) : List.of());
        params.put("problems", problems);
        params.put("done", request.getParameters().getFirst("selesai").orElse(""));
        FormState form = reviseForm;
        if (mayModerate && state.platformMayEdit() && form.values().isEmpty()) {
            var current = posts.get(actor, slug, postId);
            form = new FormState(Map.of("title", current.title(), "summary", current.summary() == null ? "" : current.summary(),
                    "bodyHtml", current.bodyHtml()), Map.of());
        }
        params.put("reviseForm", form);
        return pages.render(request, status, "post-moderation.jte", pages.withView(request, actor, params));
    }

    private ConsoleView view(HttpRequest<?> request, Actor actor) {
        return pages.view(request, actor);
    }

    /**
     * One action with its reason. {@code back=antrean} returns to the queue (where the approve button sits),
     * otherwise to the post's moderation page.
     */
    @ActionRule(Action.MODERATE_POST)
    @Post(value = "/t/{slug}/berita/{id}/moderasi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                        @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        boolean fromQueue = "antrean".equals(form.get("back"));
        try {
            moderation.act(actor, slug, new PostId(id), form.get("action"), form.get("reason"));
        } catch (InvalidInputException invalid) {
            var messages = pages.messages(request);
            List<String> problems = invalid.errors().stream().map(e -> messages.get(e.messageKey(), e.args().toArray())).toList();
            return fromQueue ? queuePage(request, actor, HttpStatus.BAD_REQUEST, problems)
                    : postPage(request, actor, slug, id, HttpStatus.BAD_REQUEST, problems, FormState.empty());
        }
        String action = form.getOrDefault("action", "").strip().toLowerCase(java.util.Locale.ROOT);
        return HttpResponse.seeOther(URI.create(fromQueue ? "/admin/moderasi?selesai=" + action
                : "/admin/t/" + slug + "/berita/" + id + "/moderasi?selesai=" + action));
    }

    /** Kominfo's revision of the post's title, summary and text, with its reason. */
    @ActionRule(Action.MODERATE_POST)
    @Post(value = "/t/{slug}/berita/{id}/moderasi/revisi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revise(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                           @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            moderation.revise(actor, slug, new PostId(id), new PostEdit(form.get("title"), null, form.get("summary"),
                    form.get("bodyHtml"), null, null, null), form.get("reason"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String field : List.of("title", "summary", "bodyHtml", "reason")) {
                values.put(field, form.getOrDefault(field, ""));
            }
            return postPage(request, actor, slug, id, HttpStatus.BAD_REQUEST, List.of(),
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + id + "/moderasi?selesai=revise"));
    }
}
