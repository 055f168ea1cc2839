package id.serambi.core.workflow;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.WORKFLOW_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.account.UserId;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostStatus;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/**
 * The history of every post's transitions: who moved it from which state to which, when, and the note they
 * gave. The post service writes an event with every transition, in the same transaction.
 */
@Singleton
public class WorkflowEvents {
    /** One transition; {@code actorName} is empty when the scheduler acted. */
    public record Entry(PostEvent event, PostStatus from, PostStatus to, UserId actor, String actorName, String note,
                        OffsetDateTime at) {
    }

    private final DSLContext db;

    WorkflowEvents(DSLContext db) {
        this.db = db;
    }

    public void record(TenantId tenant, PostId post, PostEvent event, PostStatus from, PostStatus to, UserId actor,
                       String note, OffsetDateTime at) {
        db.insertInto(WORKFLOW_EVENT)
                .set(WORKFLOW_EVENT.TENANT_ID, tenant.value())
                .set(WORKFLOW_EVENT.POST_ID, post.value())
                .set(WORKFLOW_EVENT.EVENT, event.dbValue())
                .set(WORKFLOW_EVENT.FROM_STATUS, from.dbValue())
                .set(WORKFLOW_EVENT.TO_STATUS, to.dbValue())
                .set(WORKFLOW_EVENT.ACTOR_USER_ID, actor == null ? null : actor.value())
                .set(WORKFLOW_EVENT.NOTE, note == null || note.isBlank() ? null : note.strip())
                .set(WORKFLOW_EVENT.OCCURRED_AT, at)
                .execute();
    }

    /** Who approved the post in its current round: the latest approval not followed by a request for changes. */
    @ReadOnly
    public Optional<UserId> currentApprover(TenantId tenant, PostId post) {
        return history(tenant, post).reversed().stream()
                .filter(e -> e.event() == PostEvent.APPROVE || e.event() == PostEvent.REQUEST_CHANGES
                        || e.event() == PostEvent.REOPEN || e.event() == PostEvent.APPROVAL_RESET)
                .findFirst()
                .filter(e -> e.event() == PostEvent.APPROVE)
                .map(Entry::actor);
    }

    /** A post's transitions, oldest first. */
    @ReadOnly
    public List<Entry> history(TenantId tenant, PostId post) {
        return db.select(WORKFLOW_EVENT.EVENT, WORKFLOW_EVENT.FROM_STATUS, WORKFLOW_EVENT.TO_STATUS,
                        WORKFLOW_EVENT.ACTOR_USER_ID, APP_USER.DISPLAY_NAME, WORKFLOW_EVENT.NOTE, WORKFLOW_EVENT.OCCURRED_AT)
                .from(WORKFLOW_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(WORKFLOW_EVENT.ACTOR_USER_ID))
                .where(WORKFLOW_EVENT.TENANT_ID.eq(tenant.value())).and(WORKFLOW_EVENT.POST_ID.eq(post.value()))
                .orderBy(WORKFLOW_EVENT.ID)
                .fetch(r -> new Entry(PostEvent.fromDb(r.value1()), PostStatus.fromDb(r.value2()), PostStatus.fromDb(r.value3()),
                        r.value4() == null ? null : new UserId(r.value4()), r.value5() == null ? "" : r.value5(),
                        r.value6(), r.value7()));
    }
}
