package id.serambi.admin.console;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.safety.ContentSafetyService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Editing a post and its revisions in the console: the edit form (every save is a revision), the list of
 * revisions, two of them side by side, and restoring an old one as a new revision.
 */
@Controller("/admin/t/{slug}/berita/{id}")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PostEditController {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Pages pages;
    private final PostService posts;
    private final TenantService tenants;
    private final ZoneId zone;
    private final PostForms postForms;
    private final ContentSafetyService safety;

    PostEditController(Pages pages, PostService posts, TenantService tenants, ZoneId zone, PostForms postForms,
                       ContentSafetyService safety) {
        this.postForms = postForms;
        this.safety = safety;
        this.pages = pages;
        this.posts = posts;
        this.tenants = tenants;
        this.zone = zone;
    }

    @ActionRule(Action.EDIT_POST)
    @Get("/ubah")
    HttpResponse<String> form(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        id.serambi.core.post.Post post = posts.editable(actor, slug, new PostId(id));
        Map<String, String> values = PostForms.values(post, posts.gallery(actor, slug, post.id()));
        values.put("title", post.title());
        values.put("slug", post.slug());
        values.put("summary", post.summary() == null ? "" : post.summary());
        values.put("bodyHtml", post.bodyHtml());
        values.put("displayDate", post.displayDate() == null ? "" : localInput(post.displayDate()));
        values.put("seoDescription", post.seoDescription() == null ? "" : post.seoDescription());
        // After "save and publish" on the new-post form was refused: the draft is saved; say why it is not live.
        if (request.getParameters().getFirst("terbit").filter("ditolak"::equals).isPresent()) {
            var problems = posts.publicationProblems(actor, slug, post.id());
            if (!problems.isEmpty()) {
                return editPage(request, actor, slug, post, HttpStatus.OK,
                        FormState.of(values, problems, pages.messages(request)), true);
            }
        }
        return editPage(request, actor, slug, post, HttpStatus.OK, new FormState(values, Map.of()), false);
    }

    @ActionRule(Action.EDIT_POST)
    @Post(value = "/ubah", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        PostId postId = new PostId(id);
        try {
            posts.update(actor, slug, postId, new PostEdit(form.get("title"), form.get("slug"), form.get("summary"),
                    form.get("bodyHtml"), form.get("displayDate"), form.get("seoDescription"), form.get("overrideReason"),
                    PostForms.details(form)));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + id + "?disimpan=1"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String field : List.of("title", "slug", "summary", "bodyHtml", "displayDate", "seoDescription", "overrideReason")) {
                values.put(field, form.getOrDefault(field, ""));
            }
            PostForms.keep(form, values);
            return editPage(request, actor, slug, posts.editable(actor, slug, postId), HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)), false);
        }
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/revisi")
    HttpResponse<String> revisions(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        return revisionsPage(request, actor, slug, id, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/revisi/banding{?dari,ke}")
    HttpResponse<String> compare(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                                 @Nullable @QueryValue String dari, @Nullable @QueryValue String ke) {
        PostId postId = new PostId(id);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("post", posts.get(actor, slug, postId));
        try {
            params.put("diff", posts.compare(actor, slug, postId, dari, ke));
        } catch (InvalidInputException invalid) {
            return pages.error(request, actor, HttpStatus.BAD_REQUEST, invalid.errors().get(0).messageKey());
        }
        params.put("mayEdit", posts.mayEdit(actor, slug, postId));
        return pages.render(request, HttpStatus.OK, "post-diff.jte", pages.withView(request, actor, params));
    }

    @ActionRule(Action.EDIT_POST)
    @Post(value = "/revisi/{n}/pulihkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restore(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                            @PathVariable String n, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            posts.restore(actor, slug, new PostId(id), n, form.get("overrideReason"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/berita/" + id + "/revisi?dipulihkan=" + n.strip()));
        } catch (InvalidInputException invalid) {
            return revisionsPage(request, actor, slug, id, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    private HttpResponse<String> editPage(HttpRequest<?> request, Actor actor, String slug, id.serambi.core.post.Post post, HttpStatus status,
                                          FormState form, boolean publishRefused) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("post", post);
        params.put("form", form);
        params.put("options", postForms.options(actor, slug, form.values()));
        params.put("publishRefused", publishRefused);
        // The personal data in what the form shows (the stored post, or what was just typed and refused), marked
        // where it stands, so the writer need not hunt for the number a refusal names only masked.
        params.put("findings", safety.personalDataHighlights(form.value("title"), form.value("summary"), form.value("bodyHtml")));
        return pages.render(request, status, "post-edit.jte", pages.withView(request, actor, params));
    }

    private HttpResponse<String> revisionsPage(HttpRequest<?> request, Actor actor, String slug, long id, HttpStatus status,
                                               FormState form) {
        PostId postId = new PostId(id);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("post", posts.get(actor, slug, postId));
        params.put("revisions", posts.revisions(actor, slug, postId));
        params.put("mayEdit", posts.mayEdit(actor, slug, postId));
        params.put("form", form);
        params.put("restored", request.getParameters().getFirst("dipulihkan").filter(v -> v.matches("\\d{1,9}")).orElse(null));
        return pages.render(request, status, "post-revisions.jte", pages.withView(request, actor, params));
    }

    private String localInput(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).format(LOCAL_INPUT);
    }
}
