package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * An agency's page in the console: this week's quota, its posts and writing a new one; for Kominfo's admins
 * also the site's status (suspend, reactivate, archive, each with a reason).
 */
@Controller("/admin/t/{slug}")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TenantPageController {
    static final List<String> POST_FIELDS = List.of("title", "summary", "bodyHtml", "kind", "overrideReason");

    private final Pages pages;
    private final TenantService tenants;
    private final PostService posts;
    private final QuotaService quota;
    private final PostForms postForms;

    TenantPageController(Pages pages, TenantService tenants, PostService posts, QuotaService quota, PostForms postForms) {
        this.postForms = postForms;
        this.pages = pages;
        this.tenants = tenants;
        this.posts = posts;
        this.quota = quota;
    }

    @ActionRule(Action.VIEW_TENANT)
    @Get
    HttpResponse<String> dashboard(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return dashboard(request, actor, slug, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.WRITE_POST)
    @Post(value = "/posts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        id.serambi.core.post.Post post;
        try {
            post = posts.createDraft(actor, slug, new PostDraft(form.get("title"), form.get("summary"), form.get("bodyHtml"),
                    form.get("kind"), PostForms.details(form)));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            POST_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
            PostForms.keep(form, values);
            return dashboard(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
        if (!"publish".equals(form.get("action"))) {
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "?saved=" + post.id().value()));
        }
        try {
            posts.publish(actor, slug, post.id(), form.get("overrideReason"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "?published=" + post.id().value()));
        } catch (InvalidInputException refused) {
            // The draft is saved (its own transaction): showing this form again would save it a second time on
            // resubmit. Its edit page says why it did not go live, and publishing from there changes this draft.
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + post.id().value() + "/ubah?terbit=ditolak"));
        }
    }

    @ActionRule(Action.PUBLISH_POST)
    @Post(value = "/posts/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                            @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            posts.publish(actor, slug, new PostId(id), form.get("overrideReason"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "?published=" + id));
        } catch (InvalidInputException invalid) {
            var messages = pages.messages(request);
            return dashboard(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.of(Map.of(), invalid.errors(), messages));
        }
    }

    @ActionRule(Action.CHANGE_TENANT_STATUS)
    @Post(value = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeStatus(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                                 @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            tenants.changeStatus(actor, slug, form.get("status"), form.get("reason"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "?status=changed"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = Map.of("reason", form.getOrDefault("reason", ""),
                    "status", form.getOrDefault("status", ""));
            return dashboard(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.SET_TENANT_SECURITY)
    @Post(value = "/keamanan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> security(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        tenants.setRequireSecondFactor(actor, slug, "on".equals(form.get("requireSecondFactor")));
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "?security=saved"));
    }

    private HttpResponse<String> dashboard(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form) {
        return dashboard(request, actor, slug, status, form, FormState.empty());
    }

    private HttpResponse<String> dashboard(HttpRequest<?> request, Actor actor, String slug, HttpStatus status,
                                           FormState form, FormState statusForm) {
        Tenant tenant = tenants.get(actor, slug);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        params.put("progress", quota.thisWeek(tenant.id()));
        params.put("posts", posts.recent(actor, slug, 50));
        params.put("form", form);
        params.put("options", postForms.options(actor, slug, form.values()));
        params.put("statusForm", statusForm);
        params.put("statusChanged", request.getParameters().getFirst("status").isPresent());
        params.put("passwordChanged", request.getParameters().getFirst("password").isPresent());
        params.put("securitySaved", request.getParameters().getFirst("security").isPresent());
        params.put("published", request.getParameters().getFirst("published").orElse(""));
        params.put("saved", request.getParameters().getFirst("saved").orElse(""));
        return pages.render(request, status, "tenant-home.jte", pages.withView(request, actor, params));
    }
}
