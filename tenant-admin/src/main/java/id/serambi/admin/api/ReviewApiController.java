package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostId;
import id.serambi.core.review.PostComment;
import id.serambi.core.review.ReviewQueue;
import id.serambi.core.review.ReviewQueueService;
import id.serambi.core.review.ReviewStandards;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The review queue (what waits, since when, against which time standard, overdue or not), the tenant's time
 * standards, and review comments on a post.
 */
@Controller("/api/v1/tenants/{slug}")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReviewApiController {
    private final ReviewQueueService review;

    ReviewApiController(ReviewQueueService review) {
        this.review = review;
    }

    @Serdeable
    record StandardsView(int editingMinutes, int correctionMinutes, int finalCheckMinutes, int publicationMinutes) {
        static StandardsView of(ReviewStandards s) {
            return new StandardsView(s.editingMinutes(), s.correctionMinutes(), s.finalCheckMinutes(), s.publicationMinutes());
        }
    }

    /** Minutes as numbers; a missing one is refused by the service like a wrong one. */
    @Serdeable
    record StandardsRequest(@Nullable Integer editingMinutes, @Nullable Integer correctionMinutes,
                            @Nullable Integer finalCheckMinutes, @Nullable Integer publicationMinutes) {
        Map<String, String> asForm() {
            Map<String, String> form = new HashMap<>();
            form.put("editingMinutes", editingMinutes == null ? "" : editingMinutes.toString());
            form.put("correctionMinutes", correctionMinutes == null ? "" : correctionMinutes.toString());
            form.put("finalCheckMinutes", finalCheckMinutes == null ? "" : finalCheckMinutes.toString());
            form.put("publicationMinutes", publicationMinutes == null ? "" : publicationMinutes.toString());
            return form;
        }
    }

    @Serdeable
    record ItemView(long id, String title, String kind, String status, @Nullable String author, OffsetDateTime since,
                    long waitedMinutes, int standardMinutes, boolean overdue) {
        static ItemView of(ReviewQueue.Item i) {
            return new ItemView(i.id().value(), i.title(), i.kind().dbValue(), i.status().dbValue(),
                    i.authorName().isEmpty() ? null : i.authorName(), i.since(), i.waitedMinutes(), i.standardMinutes(), i.overdue());
        }
    }

    /** {@code wholeNewsroom} is false for a writer, who sees only their own posts. Minutes are plain clock minutes. */
    @Serdeable
    record QueueView(boolean wholeNewsroom, int workflowSteps, StandardsView standards, OffsetDateTime now, long overdue,
                     List<ItemView> items) {
    }

    @Serdeable
    record CommentRequest(@Nullable String comment) {
    }

    @Serdeable
    record CommentView(String author, String comment, OffsetDateTime at) {
        static CommentView of(PostComment c) {
            return new CommentView(c.authorName(), c.body(), c.at());
        }
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/review-queue")
    QueueView queue(Actor actor, String slug) {
        ReviewQueue q = review.queue(actor, slug);
        return new QueueView(q.wholeNewsroom(), q.steps().count(), StandardsView.of(q.standards()), q.now(), q.overdueCount(),
                q.items().stream().map(ItemView::of).toList());
    }

    @ActionRule(Action.VIEW_TENANT)
    @Get("/review-standards")
    StandardsView standards(Actor actor, String slug) {
        return StandardsView.of(review.standards(actor, slug));
    }

    @ActionRule(Action.SET_TENANT_WORKFLOW)
    @Put("/review-standards")
    StandardsView setStandards(Actor actor, String slug, @Body StandardsRequest body) {
        return StandardsView.of(review.setStandards(actor, slug, body.asForm()));
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/posts/{id}/comments")
    List<CommentView> comments(Actor actor, String slug, long id) {
        return review.comments(actor, slug, new PostId(id)).stream().map(CommentView::of).toList();
    }

    @ActionRule(Action.COMMENT_ON_POST)
    @Post("/posts/{id}/comments")
    HttpResponse<CommentView> comment(Actor actor, String slug, long id, @Body CommentRequest body) {
        return HttpResponse.created(CommentView.of(review.comment(actor, slug, new PostId(id), body.comment())));
    }
}
