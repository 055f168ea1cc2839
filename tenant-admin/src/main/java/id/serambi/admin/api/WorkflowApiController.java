package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStep;
import id.serambi.core.workflow.WorkflowEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A post's way through the editorial workflow: fire an event ({@code submit}, {@code approve}, {@code publish},
 * {@code schedule} with {@code scheduledAt}, {@code unpublish} with a {@code note}, …) and read its history.
 * The rules decide by the tenant's steps and the person's roles; a refusal is a 400 that says why.
 */
@Controller("/api/v1/tenants/{slug}/posts/{id}/events")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class WorkflowApiController {
    private final PostService posts;

    WorkflowApiController(PostService posts) {
        this.posts = posts;
    }

    @Serdeable
    record EventRequest(@Nullable String event, @Nullable String note, @Nullable String scheduledAt,
                        @Nullable String personalDataOverrideReason) {
    }

    @Serdeable
    record EventView(String event, String from, String to, @Nullable String actor, @Nullable String note, OffsetDateTime at) {
        static EventView of(WorkflowEvents.Entry e) {
            return new EventView(e.event().dbValue(), e.from().dbValue(), e.to().dbValue(),
                    e.actorName().isEmpty() ? null : e.actorName(), e.note(), e.at());
        }
    }

    // The base right is to be on the site's editorial team; the workflow rules then decide the event itself.
    @ActionRule(Action.WRITE_POST)
    @Post
    ApiDtos.PostView fire(Actor actor, String slug, long id, @Body EventRequest body) {
        return ApiDtos.PostView.of(posts.step(actor, slug, new PostId(id), new PostStep(body.event(), body.note(), body.scheduledAt(),
                body.personalDataOverrideReason())));
    }

    @ActionRule(Action.READ_POSTS)
    @Get
    List<EventView> history(Actor actor, String slug, long id) {
        return posts.history(actor, slug, new PostId(id)).stream().map(EventView::of).toList();
    }
}
