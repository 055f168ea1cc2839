package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStep;
import id.serambi.core.review.ReviewQueueService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowSettings;
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
 * One post in the newsroom: its content, the workflow steps this person can take now (each button only where
 * the rules allow it, a note or reason with it, a time for a schedule), and its history. Also the page where a
 * site admin chooses the site's number of steps.
 */
@Controller("/admin/t/{slug}")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PostPageController {
    private final Pages pages;
    private final PostService posts;
    private final TenantService tenants;
    private final WorkflowSettings workflow;
    private final ReviewQueueService review;

    PostPageController(Pages pages, PostService posts, TenantService tenants, WorkflowSettings workflow,
                       ReviewQueueService review) {
        this.review = review;
        this.pages = pages;
        this.posts = posts;
        this.tenants = tenants;
        this.workflow = workflow;
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/berita/{id}")
    HttpResponse<String> show(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        return page(request, actor, slug, id, HttpStatus.OK, FormState.empty(), FormState.empty());
    }

    /** A review comment: the post stays where it is; the comment joins its history. */
    @ActionRule(Action.COMMENT_ON_POST)
    @Post(value = "/berita/{id}/komentar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> comment(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                            @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            review.comment(actor, slug, new PostId(id), form.get("comment"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + id + "?komentar=1#workflow-history"));
        } catch (InvalidInputException invalid) {
            return page(request, actor, slug, id, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(Map.of("comment", form.getOrDefault("comment", "")), invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.WRITE_POST)
    @Post(value = "/berita/{id}/langkah", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> step(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            posts.step(actor, slug, new PostId(id), new PostStep(form.get("event"), form.get("note"), form.get("scheduledAt"),
                    form.get("overrideReason")));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + id + "?langkah=" + form.get("event").strip().toLowerCase(Locale.ROOT)));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            values.put("note", form.getOrDefault("note", ""));
            values.put("scheduledAt", form.getOrDefault("scheduledAt", ""));
            values.put("overrideReason", form.getOrDefault("overrideReason", ""));
            return page(request, actor, slug, id, HttpStatus.BAD_REQUEST, FormState.of(values, invalid.errors(), pages.messages(request)),
                    FormState.empty());
        }
    }

    @ActionRule(Action.VIEW_TENANT)
    @Get("/alur")
    HttpResponse<String> settings(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return settingsPage(request, actor, slug, HttpStatus.OK, FormState.empty(), null);
    }

    /** The time standards of the review queue (seed 003), in minutes. */
    @ActionRule(Action.SET_TENANT_WORKFLOW)
    @Post(value = "/alur/standar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveStandards(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            review.setStandards(actor, slug, form);
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/alur?standar=1"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String field : ReviewQueueService.asForm(id.serambi.core.review.ReviewStandards.SEED_003).keySet()) {
                values.put(field, form.getOrDefault(field, ""));
            }
            return settingsPage(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.SET_TENANT_WORKFLOW)
    @Post(value = "/alur", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            workflow.setSteps(actor, slug, form.get("workflowSteps"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/alur?disimpan=1"));
        } catch (InvalidInputException invalid) {
            return settingsPage(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)), null);
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, String slug, long id, HttpStatus status, FormState form,
                                      FormState commentForm) {
        PostId postId = new PostId(id);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("post", posts.get(actor, slug, postId));
        params.put("events", posts.possibleEvents(actor, slug, postId));
        params.put("history", review.history(actor, slug, postId));
        params.put("commentForm", commentForm);
        params.put("commented", request.getParameters().getFirst("komentar").isPresent());
        params.put("steps", workflow.steps(actor, slug));
        params.put("form", form);
        params.put("mayEdit", posts.mayEdit(actor, slug, postId));
        params.put("saved", request.getParameters().getFirst("disimpan").isPresent());
        params.put("done", request.getParameters().getFirst("langkah").flatMap(PostPageController::knownEvent).orElse(null));
        return pages.render(request, status, "post-page.jte", pages.withView(request, actor, params));
    }

    private HttpResponse<String> settingsPage(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form,
                                              FormState standardsForm) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("standardsForm", standardsForm != null ? standardsForm
                : new FormState(ReviewQueueService.asForm(review.standards(actor, slug)), Map.of()));
        params.put("standardsSaved", request.getParameters().getFirst("standar").isPresent());
        params.put("steps", workflow.steps(actor, slug));
        params.put("form", form);
        params.put("saved", request.getParameters().getFirst("disimpan").isPresent());
        return pages.render(request, status, "workflow-settings.jte", pages.withView(request, actor, params));
    }

    private static java.util.Optional<PostEvent> knownEvent(String value) {
        try {
            return java.util.Optional.of(PostEvent.fromDb(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
