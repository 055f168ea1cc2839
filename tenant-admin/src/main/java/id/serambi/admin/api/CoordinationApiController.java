package id.serambi.admin.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.coordination.CoordinationService;
import id.serambi.core.coordination.ReviewMark;
import id.serambi.core.coordination.ReviewStream;
import id.serambi.core.coordination.StreamFilter;
import id.serambi.core.coordination.StreamItem;
import id.serambi.core.disposition.Disposition;
import id.serambi.core.disposition.DispositionService;
import id.serambi.core.post.PostId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** The coordinators' review stream and marks, and dispositions (send; the agency acknowledges, answers, closes). */
@Controller("/api/v1")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class CoordinationApiController {
    private final CoordinationService coordination;
    private final DispositionService dispositions;

    CoordinationApiController(CoordinationService coordination, DispositionService dispositions) {
        this.coordination = coordination;
        this.dispositions = dispositions;
    }

    @Serdeable
    record MarkView(long id, long postId, String mark, @Nullable String note, String by, OffsetDateTime at, boolean resolved) {
        static MarkView of(ReviewMark m) {
            return new MarkView(m.id(), m.postId().value(), m.kind().dbValue(), m.note(), m.byName(), m.at(), m.resolved());
        }
    }

    @Serdeable
    record ItemView(long postId, String tenant, String tenantName, String title, @Nullable String summary,
                    @Nullable String category, OffsetDateTime publishedAt, String portalState, List<MarkView> marks) {
        static ItemView of(StreamItem i) {
            return new ItemView(i.postId().value(), i.tenantSlug(), i.tenantName(), i.title(), i.summary(), i.categoryName(),
                    i.publishedAt(), i.portalState(), i.marks().stream().map(MarkView::of).toList());
        }
    }

    @Serdeable
    record StreamView(int page, boolean hasNext, List<ItemView> items) {
    }

    @Serdeable
    record MarkRequest(@Nullable String mark, @Nullable String note) {
    }

    @Serdeable
    record EventView(String event, String actor, @Nullable String note, OffsetDateTime at) {
    }

    @Serdeable
    record DispositionView(long id, String tenant, String tenantName, String subject, String body, LocalDate dueOn,
                           String state, String sentBy, OffsetDateTime sentAt, @Nullable OffsetDateTime acknowledgedAt,
                           @Nullable OffsetDateTime answeredAt, @Nullable String answer, @Nullable OffsetDateTime closedAt,
                           boolean overdue, List<EventView> events) {
        static DispositionView of(Disposition d) {
            return new DispositionView(d.id(), d.tenantSlug(), d.tenantName(), d.subject(), d.body(), d.dueOn(),
                    d.state().dbValue(), d.sentByName(), d.sentAt(), d.acknowledgedAt(), d.answeredAt(), d.answer(),
                    d.closedAt(), d.overdue(),
                    d.events().stream().map(e -> new EventView(e.event(), e.actorName(), e.note(), e.at())).toList());
        }
    }

    @Serdeable
    record DispositionRequest(@Nullable String subject, @Nullable String body, @Nullable String dueOn) {
    }

    @Serdeable
    record StepRequest(@Nullable String step, @Nullable String answer) {
    }

    @ActionRule(Action.READ_REVIEW_STREAM)
    @Get("/review-stream{?agency,category,from,to,page}")
    StreamView stream(Actor actor, @Nullable @QueryValue String agency, @Nullable @QueryValue String category,
                      @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        coordination.agencies(actor);
        ReviewStream s = coordination.stream(actor, StreamFilter.parse(Optional.ofNullable(agency),
                Optional.ofNullable(category), Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(page)));
        return new StreamView(s.filter().page(), s.hasNext(), s.items().stream().map(ItemView::of).toList());
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/tenants/{slug}/posts/{id}/marks")
    List<MarkView> marks(Actor actor, String slug, long id) {
        return coordination.marks(actor, slug, new PostId(id)).stream().map(MarkView::of).toList();
    }

    @ActionRule(Action.MARK_POST)
    @Post("/tenants/{slug}/posts/{id}/marks")
    HttpResponse<MarkView> mark(Actor actor, String slug, long id, @Body MarkRequest body) {
        return HttpResponse.created(MarkView.of(coordination.mark(actor, slug, new PostId(id), body.mark(), body.note())));
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/dispositions{?overdue}")
    List<DispositionView> all(Actor actor, @Nullable @QueryValue Boolean overdue) {
        return dispositions.all(actor, Boolean.TRUE.equals(overdue)).stream().map(DispositionView::of).toList();
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/tenants/{slug}/dispositions")
    List<DispositionView> ofTenant(Actor actor, String slug) {
        return dispositions.ofTenant(actor, slug).stream().map(DispositionView::of).toList();
    }

    @ActionRule(Action.SEND_DISPOSITION)
    @Post("/tenants/{slug}/dispositions")
    HttpResponse<DispositionView> send(Actor actor, String slug, @Body DispositionRequest body) {
        return HttpResponse.created(DispositionView.of(dispositions.send(actor, slug, body.subject(), body.body(), body.dueOn())));
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/tenants/{slug}/dispositions/{id}")
    DispositionView get(Actor actor, String slug, long id) {
        return DispositionView.of(dispositions.get(actor, slug, id));
    }

    @ActionRule(Action.ANSWER_DISPOSITION)
    @Post("/tenants/{slug}/dispositions/{id}/steps")
    DispositionView step(Actor actor, String slug, long id, @Body StepRequest body) {
        return DispositionView.of(dispositions.step(actor, slug, id, body.step(), body.answer()));
    }
}
