package id.serambi.core.moderation;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MODERATION_ACTION;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.REVIEW_MARK;
import static id.serambi.core.jooq.public_.Tables.SECURITY_INCIDENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import id.serambi.core.account.UserId;
import id.serambi.core.post.PostId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Moderation rows and the post columns moderation owns (portal_state, deleted_at). Tenant first, always. */
@Singleton
class ModerationRepository {
    private final DSLContext db;

    ModerationRepository(DSLContext db) {
        this.db = db;
    }

    /** The post with its row locked, so two moderators acting at once take turns. */
    Optional<ModeratedPost> lock(TenantId tenant, PostId id) {
        return db.select(POST.ID).from(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .forUpdate().fetchOptional().flatMap(r -> find(tenant, id));
    }

    Optional<ModeratedPost> find(TenantId tenant, PostId id) {
        var openFlags = DSL.field(DSL.selectCount().from(REVIEW_MARK)
                .where(REVIEW_MARK.TENANT_ID.eq(POST.TENANT_ID)).and(REVIEW_MARK.POST_ID.eq(POST.ID))
                .and(REVIEW_MARK.MARK.eq("flagged")).and(REVIEW_MARK.RESOLVED_AT.isNull()));
        return db.select(POST.ID, POST.TENANT_ID, TENANT.SLUG, TENANT.NAME, POST.TITLE, POST.SLUG, POST.STATUS,
                        POST.PORTAL_STATE, POST.DELETED_AT, TENANT.PORTAL_MODERATION, TENANT.PLATFORM_MAY_EDIT, openFlags,
                        POST.UNREVIEWED_SINCE)
                .from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .fetchOptional(r -> new ModeratedPost(new PostId(r.value1()), new TenantId(r.value2()), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                        Boolean.TRUE.equals(r.value11()), r.value12(), r.value13()));
    }

    /** Kominfo has looked at the post (any moderation action): it leaves the "not yet reviewed" list. */
    void markReviewed(TenantId tenant, PostId id) {
        db.update(POST).set(POST.UNREVIEWED_SINCE, (OffsetDateTime) null)
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .and(POST.UNREVIEWED_SINCE.isNotNull()).execute();
    }

    void setPortalState(TenantId tenant, PostId id, String state) {
        db.update(POST).set(POST.PORTAL_STATE, state)
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value())).execute();
    }

    void setDeletedAt(TenantId tenant, PostId id, OffsetDateTime at) {
        db.update(POST).set(POST.DELETED_AT, at)
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value())).execute();
    }

    long insertAction(TenantId tenant, PostId post, ModerationAction action, String reason, UserId actor,
                      String actorLabel, String detailJson, OffsetDateTime at) {
        return db.insertInto(MODERATION_ACTION)
                .set(MODERATION_ACTION.TENANT_ID, tenant.value())
                .set(MODERATION_ACTION.POST_ID, post.value())
                .set(MODERATION_ACTION.ACTION, action.dbValue())
                .set(MODERATION_ACTION.REASON, reason)
                .set(MODERATION_ACTION.ACTOR_ID, actor == null ? null : actor.value())
                .set(MODERATION_ACTION.ACTOR_LABEL, actorLabel)
                .set(MODERATION_ACTION.DETAIL, JSONB.valueOf(detailJson))
                .set(MODERATION_ACTION.CREATED_AT, at)
                .returning(MODERATION_ACTION.ID).fetchOne(MODERATION_ACTION.ID);
    }

    /** Marks the post's open flags as dealt with; returns how many there were. */
    int resolveFlags(TenantId tenant, PostId post, UserId by, OffsetDateTime at) {
        return db.update(REVIEW_MARK).set(REVIEW_MARK.RESOLVED_AT, at)
                .set(REVIEW_MARK.RESOLVED_BY, by == null ? null : by.value())
                .where(REVIEW_MARK.TENANT_ID.eq(tenant.value())).and(REVIEW_MARK.POST_ID.eq(post.value()))
                .and(REVIEW_MARK.MARK.eq("flagged")).and(REVIEW_MARK.RESOLVED_AT.isNull())
                .execute();
    }

    /** The tenant's moderation history, newest first; {@code post} narrows it to one post. */
    List<ModerationEntry> history(TenantId tenant, PostId post, int limit) {
        var where = MODERATION_ACTION.TENANT_ID.eq(tenant.value());
        if (post != null) {
            where = where.and(MODERATION_ACTION.POST_ID.eq(post.value()));
        }
        return db.select(MODERATION_ACTION.ID, MODERATION_ACTION.POST_ID, POST.TITLE, MODERATION_ACTION.ACTION,
                        MODERATION_ACTION.REASON, DSL.coalesce(APP_USER.DISPLAY_NAME, MODERATION_ACTION.ACTOR_LABEL),
                        MODERATION_ACTION.DETAIL, MODERATION_ACTION.CREATED_AT)
                .from(MODERATION_ACTION)
                .join(POST).on(POST.TENANT_ID.eq(MODERATION_ACTION.TENANT_ID)).and(POST.ID.eq(MODERATION_ACTION.POST_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(MODERATION_ACTION.ACTOR_ID))
                .where(where)
                .orderBy(MODERATION_ACTION.CREATED_AT.desc(), MODERATION_ACTION.ID.desc())
                .limit(limit)
                .fetch(r -> new ModerationEntry(r.value1(), new PostId(r.value2()), r.value3(),
                        ModerationAction.parse(r.value4()).orElseThrow(), r.value5(), r.value6(),
                        r.value7() == null ? "{}" : r.value7().data(), r.value8()));
    }

    /** Published posts waiting for Kominfo's approval, oldest first. */
    List<ModerationQueue.Waiting> waiting(OffsetDateTime now, int limit) {
        return db.select(POST.ID, TENANT.SLUG, TENANT.NAME, POST.TITLE, POST.FIRST_PUBLISHED_AT)
                .from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.PORTAL_STATE.eq("pending")).and(POST.STATUS.eq("published")).and(POST.DELETED_AT.isNull())
                .orderBy(POST.FIRST_PUBLISHED_AT.asc(), POST.ID.asc())
                .limit(limit)
                .fetch(r -> new ModerationQueue.Waiting(new PostId(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value5() == null ? 0 : Math.max(0, Duration.between(r.value5(), now).toMinutes())));
    }

    /**
     * Post-moderated agencies' posts on the portal that Kominfo has not yet reviewed, oldest first; the age runs
     * from the first publication. A tenant moved to another mode meanwhile leaves the list (trusted: no review;
     * pre: its posts are reviewed before the portal shows them).
     */
    List<ModerationQueue.Waiting> unreviewed(OffsetDateTime now, int limit) {
        return db.select(POST.ID, TENANT.SLUG, TENANT.NAME, POST.TITLE, POST.UNREVIEWED_SINCE)
                .from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.UNREVIEWED_SINCE.isNotNull()).and(POST.STATUS.eq("published"))
                .and(POST.PORTAL_STATE.eq("visible")).and(POST.DELETED_AT.isNull())
                .and(TENANT.PORTAL_MODERATION.eq("post"))
                .orderBy(POST.UNREVIEWED_SINCE.asc(), POST.ID.asc())
                .limit(limit)
                .fetch(r -> new ModerationQueue.Waiting(new PostId(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value5(), Math.max(0, Duration.between(r.value5(), now).toMinutes())));
    }

    /** Coordinators' flags not yet dealt with, oldest first. */
    List<ModerationQueue.Flag> openFlags(int limit) {
        return db.select(REVIEW_MARK.ID, REVIEW_MARK.POST_ID, TENANT.SLUG, TENANT.NAME, POST.TITLE, POST.PORTAL_STATE,
                        REVIEW_MARK.NOTE, APP_USER.DISPLAY_NAME, REVIEW_MARK.CREATED_AT)
                .from(REVIEW_MARK)
                .join(POST).on(POST.TENANT_ID.eq(REVIEW_MARK.TENANT_ID)).and(POST.ID.eq(REVIEW_MARK.POST_ID))
                .join(TENANT).on(TENANT.ID.eq(REVIEW_MARK.TENANT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(REVIEW_MARK.MARKED_BY))
                .where(REVIEW_MARK.MARK.eq("flagged")).and(REVIEW_MARK.RESOLVED_AT.isNull())
                .orderBy(REVIEW_MARK.CREATED_AT.asc(), REVIEW_MARK.ID.asc())
                .limit(limit)
                .fetch(r -> new ModerationQueue.Flag(r.value1(), new PostId(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    /** Spam-guard hits since {@code since}, newest first. */
    List<ModerationQueue.SpamHit> spamHits(OffsetDateTime since, int limit) {
        return db.select(SECURITY_INCIDENT.ID, TENANT.SLUG, TENANT.NAME, SECURITY_INCIDENT.POST_ID, SECURITY_INCIDENT.STAGE,
                        SECURITY_INCIDENT.FOUND_BY_LABEL, SECURITY_INCIDENT.FOUND_AT)
                .from(SECURITY_INCIDENT).join(TENANT).on(TENANT.ID.eq(SECURITY_INCIDENT.TENANT_ID))
                .where(SECURITY_INCIDENT.FOUND_AT.ge(since))
                .orderBy(SECURITY_INCIDENT.FOUND_AT.desc(), SECURITY_INCIDENT.ID.desc())
                .limit(limit)
                .fetch((Record r) -> new ModerationQueue.SpamHit(r.get(SECURITY_INCIDENT.ID), r.get(TENANT.SLUG),
                        r.get(TENANT.NAME), r.get(SECURITY_INCIDENT.POST_ID), r.get(SECURITY_INCIDENT.STAGE),
                        r.get(SECURITY_INCIDENT.FOUND_BY_LABEL), r.get(SECURITY_INCIDENT.FOUND_AT)));
    }
}
