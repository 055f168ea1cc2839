package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/** An agency's posts through the API. Another tenant's post id answers 404, exactly like a missing one. */
@Controller("/api/v1/tenants/{slug}/posts")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PostApiController {
    private final PostService posts;

    PostApiController(PostService posts) {
        this.posts = posts;
    }

    @ActionRule(Action.READ_POSTS)
    @Get
    List<ApiDtos.PostView> list(Actor actor, String slug) {
        return posts.recent(actor, slug, 100).stream().map(ApiDtos.PostView::of).toList();
    }

    @ActionRule(Action.WRITE_POST)
    @Post
    HttpResponse<ApiDtos.PostView> create(Actor actor, String slug, @Body ApiDtos.PostRequest body) {
        var post = posts.createDraft(actor, slug, new PostDraft(body.title(), body.summary(), body.bodyHtml(), body.kind(),
                body.details()));
        return HttpResponse.created(view(actor, slug, post));
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/{id}")
    ApiDtos.PostView get(Actor actor, String slug, long id) {
        return view(actor, slug, posts.get(actor, slug, new PostId(id)));
    }

    /**
     * Saves the post's content as a new revision. A missing slug keeps the current one; {@code displayDate} is
     * a date or a date-time (with or without offset). A published post stays published.
     */
    @ActionRule(Action.EDIT_POST)
    @Put("/{id}")
    ApiDtos.PostView update(Actor actor, String slug, long id, @Nullable @Body RevisionApiController.UpdateRequest body) {
        var edit = body == null ? new PostEdit(null, null, null, null, null, null, null)
                : new PostEdit(body.title(), body.slug(), body.summary(), body.bodyHtml(), body.displayDate(),
                        body.seoDescription(), body.personalDataOverrideReason(), body.details());
        return view(actor, slug, posts.update(actor, slug, new PostId(id), edit));
    }

    @ActionRule(Action.PUBLISH_POST)
    @Post("/{id}/publish")
    ApiDtos.PostView publish(Actor actor, String slug, long id, @Nullable @Body ApiDtos.PublishRequest body) {
        return view(actor, slug, posts.publish(actor, slug, new PostId(id),
                body == null ? null : body.personalDataOverrideReason()));
    }

    // A single post shows its gallery too (lists leave it out: one query per post).
    private ApiDtos.PostView view(Actor actor, String slug, id.serambi.core.post.Post post) {
        return ApiDtos.PostView.of(post, post.kind() == id.serambi.core.post.PostKind.GALLERY
                ? posts.gallery(actor, slug, post.id()) : null);
    }
}
