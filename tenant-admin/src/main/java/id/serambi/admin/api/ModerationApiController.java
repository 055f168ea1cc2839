package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.moderation.ModeratedPost;
import id.serambi.core.moderation.ModerationEntry;
import id.serambi.core.moderation.ModerationQueue;
import id.serambi.core.moderation.ModerationService;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Kominfo's moderation over JSON: the queue, a tenant's and a post's moderation history, and the actions
 * (approve, hide, remove, revise, delete, restore, dismiss), each with a required reason. Refusals are
 * problem+json like everywhere in the API.
 */
@Controller("/api/v1")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ModerationApiController {
    private final ModerationService moderation;

    ModerationApiController(ModerationService moderation) {
        this.moderation = moderation;
    }

    @Serdeable
    record WaitingView(long postId, String tenant, String tenantName, String title, OffsetDateTime since, long waitedMinutes) {
    }

    @Serdeable
    record FlagView(long markId, long postId, String tenant, String tenantName, String title, String portalState,
                    @Nullable String note, String flaggedBy, OffsetDateTime at) {
    }

    @Serdeable
    record SpamHitView(long incidentId, String tenant, String tenantName, @Nullable Long postId, String stage,
                       String foundBy, OffsetDateTime at) {
    }

    /** Waiting posts oldest first (minutes waited since first publication), open flags, spam-guard hits. */
    @Serdeable
    record QueueView(OffsetDateTime now, List<WaitingView> waiting, List<WaitingView> unreviewed, List<FlagView> flags,
                     List<SpamHitView> spamHits) {
    }

    @Serdeable
    record EntryView(long id, long postId, String postTitle, String action, String reason, String actor, OffsetDateTime at) {
        static EntryView of(ModerationEntry e) {
            return new EntryView(e.id(), e.postId().value(), e.postTitle(), e.action().dbValue(), e.reason(), e.actorName(), e.at());
        }
    }

    @Serdeable
    record PostStateView(long id, String tenant, String title, String status, String portalState,
                         @Nullable OffsetDateTime deletedAt, String moderationMode, boolean platformMayEdit, int openFlags) {
        static PostStateView of(ModeratedPost p) {
            return new PostStateView(p.id().value(), p.tenantSlug(), p.title(), p.status(), p.portalState(), p.deletedAt(),
                    p.moderationMode(), p.platformMayEdit(), p.openFlags());
        }
    }

    /** {@code action} and {@code reason} always; {@code title}, {@code summary}, {@code bodyHtml} for a revision. */
    @Serdeable
    record ActionRequest(@Nullable String action, @Nullable String reason, @Nullable String title,
                         @Nullable String summary, @Nullable String bodyHtml) {
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/moderation/queue")
    QueueView queue(Actor actor) {
        ModerationQueue q = moderation.queue(actor);
        return new QueueView(q.now(),
                q.waiting().stream().map(w -> new WaitingView(w.postId().value(), w.tenantSlug(), w.tenantName(), w.title(),
                        w.since(), w.waitedMinutes())).toList(),
                q.unreviewed().stream().map(w -> new WaitingView(w.postId().value(), w.tenantSlug(), w.tenantName(), w.title(),
                        w.since(), w.waitedMinutes())).toList(),
                q.flags().stream().map(f -> new FlagView(f.markId(), f.postId().value(), f.tenantSlug(), f.tenantName(),
                        f.title(), f.portalState(), f.note(), f.flaggedBy(), f.at())).toList(),
                q.spamHits().stream().map(h -> new SpamHitView(h.incidentId(), h.tenantSlug(), h.tenantName(), h.postId(),
                        h.stage(), h.foundBy(), h.at())).toList());
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/tenants/{slug}/moderation")
    List<EntryView> history(Actor actor, String slug) {
        return moderation.history(actor, slug, 200).stream().map(EntryView::of).toList();
    }

    @ActionRule(Action.VIEW_MODERATION)
    @Get("/tenants/{slug}/posts/{id}/moderation")
    PostStateView state(Actor actor, String slug, long id) {
        return PostStateView.of(moderation.post(actor, slug, new PostId(id)));
    }

    @ActionRule(Action.MODERATE_POST)
    @Post("/tenants/{slug}/posts/{id}/moderation")
    PostStateView act(Actor actor, String slug, long id, @Body ActionRequest body) {
        PostId post = new PostId(id);
        if ("revise".equalsIgnoreCase(body.action() == null ? "" : body.action().strip())) {
            moderation.revise(actor, slug, post, new PostEdit(body.title(), null, body.summary(), body.bodyHtml(), null,
                    null, null), body.reason());
            return PostStateView.of(moderation.post(actor, slug, post));
        }
        return PostStateView.of(moderation.act(actor, slug, post, body.action(), body.reason()));
    }
}
