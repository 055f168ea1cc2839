package id.serambi.core.review;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.POST_COMMENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static id.serambi.core.jooq.public_.Tables.WORKFLOW_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import id.serambi.core.account.UserId;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostKind;
import id.serambi.core.post.PostStatus;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

@Singleton
class ReviewRepository {
    /** A waiting post as stored; the service adds the standard and the waiting time. */
    record Waiting(PostId id, String title, PostKind kind, PostStatus status, UserId authorId, String authorName,
                   OffsetDateTime since) {
    }

    private final DSLContext db;

    ReviewRepository(DSLContext db) {
        this.db = db;
    }

    ReviewStandards standards(TenantId tenant) {
        return db.select(TENANT.REVIEW_EDITING_MINUTES, TENANT.REVIEW_CORRECTION_MINUTES, TENANT.REVIEW_FINAL_CHECK_MINUTES,
                        TENANT.REVIEW_PUBLICATION_MINUTES)
                .from(TENANT).where(TENANT.ID.eq(tenant.value()))
                .fetchSingle(r -> new ReviewStandards(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    ReviewStandards standardsForUpdate(TenantId tenant) {
        return db.select(TENANT.REVIEW_EDITING_MINUTES, TENANT.REVIEW_CORRECTION_MINUTES, TENANT.REVIEW_FINAL_CHECK_MINUTES,
                        TENANT.REVIEW_PUBLICATION_MINUTES)
                .from(TENANT).where(TENANT.ID.eq(tenant.value())).forUpdate()
                .fetchSingle(r -> new ReviewStandards(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void saveStandards(TenantId tenant, ReviewStandards s) {
        db.update(TENANT)
                .set(TENANT.REVIEW_EDITING_MINUTES, (short) s.editingMinutes())
                .set(TENANT.REVIEW_CORRECTION_MINUTES, (short) s.correctionMinutes())
                .set(TENANT.REVIEW_FINAL_CHECK_MINUTES, (short) s.finalCheckMinutes())
                .set(TENANT.REVIEW_PUBLICATION_MINUTES, (short) s.publicationMinutes())
                .where(TENANT.ID.eq(tenant.value())).execute();
    }

    short workflowSteps(TenantId tenant) {
        return db.select(TENANT.WORKFLOW_STEPS).from(TENANT).where(TENANT.ID.eq(tenant.value())).fetchSingle().value1();
    }

    /**
     * Posts in the given states, each with the time of its latest transition into its present state (the
     * post's last change if no transition was recorded, e.g. for posts older than the workflow), oldest first.
     */
    List<Waiting> waiting(TenantId tenant, Set<PostStatus> states, UserId onlyAuthor) {
        Field<OffsetDateTime> entered = DSL.field(DSL.select(DSL.max(WORKFLOW_EVENT.OCCURRED_AT)).from(WORKFLOW_EVENT)
                .where(WORKFLOW_EVENT.TENANT_ID.eq(POST.TENANT_ID)).and(WORKFLOW_EVENT.POST_ID.eq(POST.ID))
                .and(WORKFLOW_EVENT.TO_STATUS.eq(POST.STATUS)));
        Field<OffsetDateTime> since = DSL.coalesce(entered, POST.UPDATED_AT).as("since");
        Condition who = onlyAuthor == null ? DSL.noCondition() : POST.AUTHOR_ID.eq(onlyAuthor.value());
        return db.select(POST.ID, POST.TITLE, POST.KIND, POST.STATUS, POST.AUTHOR_ID, APP_USER.DISPLAY_NAME, since)
                .from(POST).leftJoin(APP_USER).on(APP_USER.ID.eq(POST.AUTHOR_ID))
                .where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.STATUS.in(states.stream().map(PostStatus::dbValue).toList()))
                .and(who)
                .orderBy(since.asc(), POST.ID.asc())
                .fetch(r -> new Waiting(new PostId(r.value1()), r.value2(), PostKind.parse(r.value3()).orElse(PostKind.NEWS),
                        PostStatus.fromDb(r.value4()), r.value5() == null ? null : new UserId(r.value5()),
                        r.value6() == null ? "" : r.value6(), r.value7()));
    }

    void insertComment(TenantId tenant, PostId post, UserId author, String body, OffsetDateTime at) {
        db.insertInto(POST_COMMENT)
                .set(POST_COMMENT.TENANT_ID, tenant.value())
                .set(POST_COMMENT.POST_ID, post.value())
                .set(POST_COMMENT.AUTHOR_USER_ID, author.value())
                .set(POST_COMMENT.BODY, body)
                .set(POST_COMMENT.CREATED_AT, at)
                .execute();
    }

    List<PostComment> comments(TenantId tenant, PostId post) {
        return db.select(POST_COMMENT.AUTHOR_USER_ID, APP_USER.DISPLAY_NAME, POST_COMMENT.BODY, POST_COMMENT.CREATED_AT)
                .from(POST_COMMENT).join(APP_USER).on(APP_USER.ID.eq(POST_COMMENT.AUTHOR_USER_ID))
                .where(POST_COMMENT.TENANT_ID.eq(tenant.value())).and(POST_COMMENT.POST_ID.eq(post.value()))
                .orderBy(POST_COMMENT.ID)
                .fetch(r -> new PostComment(new UserId(r.value1()), r.value2(), r.value3(), r.value4()));
    }
}
