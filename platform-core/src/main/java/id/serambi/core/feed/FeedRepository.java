package id.serambi.core.feed;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.EXTERNAL_FEED;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.EXTERNAL_FEED_REJECTED_ITEM;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.POST_REVISION;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Feed rows and the posts their items become. Every tenant-scoped method takes the tenant and matches it. */
@Singleton
class FeedRepository {
    private final DSLContext db;

    FeedRepository(DSLContext db) {
        this.db = db;
    }

    ExternalFeed insert(TenantId tenant, String url, UserId createdBy, OffsetDateTime now) {
        long id = db.insertInto(EXTERNAL_FEED)
                .set(EXTERNAL_FEED.TENANT_ID, tenant.value())
                .set(EXTERNAL_FEED.URL, url)
                .set(EXTERNAL_FEED.CREATED_BY, createdBy == null ? null : createdBy.value())
                .set(EXTERNAL_FEED.CREATED_AT, now)
                .set(EXTERNAL_FEED.NEXT_POLL_AT, now)
                .returning(EXTERNAL_FEED.ID).fetchSingle().getId();
        return find(tenant, id).orElseThrow();
    }

    boolean urlTaken(TenantId tenant, String url) {
        return db.fetchExists(db.selectFrom(EXTERNAL_FEED).where(EXTERNAL_FEED.TENANT_ID.eq(tenant.value()))
                .and(EXTERNAL_FEED.URL.eq(url)));
    }

    int count(TenantId tenant) {
        return db.fetchCount(EXTERNAL_FEED, EXTERNAL_FEED.TENANT_ID.eq(tenant.value()));
    }

    Optional<ExternalFeed> find(TenantId tenant, long id) {
        return list(EXTERNAL_FEED.TENANT_ID.eq(tenant.value()).and(EXTERNAL_FEED.ID.eq(id))).stream().findFirst();
    }

    List<ExternalFeed> list(Condition where) {
        return db.select(EXTERNAL_FEED.asterisk(), TENANT.SLUG, TENANT.NAME)
                .from(EXTERNAL_FEED).join(TENANT).on(TENANT.ID.eq(EXTERNAL_FEED.TENANT_ID))
                .where(where)
                .orderBy(TENANT.SLUG, EXTERNAL_FEED.ID)
                .fetch(FeedRepository::toFeed);
    }

    void setEnabled(TenantId tenant, long id, boolean enabled, OffsetDateTime now) {
        var update = db.update(EXTERNAL_FEED).set(EXTERNAL_FEED.ENABLED, enabled);
        if (enabled) {
            // Switched on again: a fresh start, polled at once.
            update = update.set(EXTERNAL_FEED.CONSECUTIVE_FAILURES, 0).set(EXTERNAL_FEED.NEXT_POLL_AT, now);
        }
        update.where(EXTERNAL_FEED.TENANT_ID.eq(tenant.value())).and(EXTERNAL_FEED.ID.eq(id)).execute();
    }

    void pollSoon(TenantId tenant, long id, OffsetDateTime now) {
        db.update(EXTERNAL_FEED).set(EXTERNAL_FEED.NEXT_POLL_AT, now)
                .where(EXTERNAL_FEED.TENANT_ID.eq(tenant.value())).and(EXTERNAL_FEED.ID.eq(id)).execute();
    }

    void delete(TenantId tenant, long id) {
        db.deleteFrom(EXTERNAL_FEED).where(EXTERNAL_FEED.TENANT_ID.eq(tenant.value()))
                .and(EXTERNAL_FEED.ID.eq(id)).execute();
    }

    /** A feed the poller has claimed, with what it needs to fetch it. */
    record Claimed(long id, TenantId tenant, String tenantSlug, String url, String etag, String lastModified,
                   int consecutiveFailures, String portalModeration) {
    }

    /**
     * Claims up to {@code limit} due feeds of active tenants, like the mail outbox: rows locked with SKIP LOCKED
     * (other nodes pass them by) and their next poll moved to {@code leaseUntil} before the lock goes, so no
     * other node takes them meanwhile and a node that dies mid-poll leaves them to the next round.
     */
    List<Claimed> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Claimed> due = db.select(EXTERNAL_FEED.ID, EXTERNAL_FEED.TENANT_ID, TENANT.SLUG, EXTERNAL_FEED.URL,
                        EXTERNAL_FEED.ETAG, EXTERNAL_FEED.LAST_MODIFIED, EXTERNAL_FEED.CONSECUTIVE_FAILURES,
                        TENANT.PORTAL_MODERATION)
                .from(EXTERNAL_FEED).join(TENANT).on(TENANT.ID.eq(EXTERNAL_FEED.TENANT_ID))
                .where(EXTERNAL_FEED.ENABLED).and(EXTERNAL_FEED.NEXT_POLL_AT.le(now))
                .and(TENANT.STATUS.eq("active"))
                .orderBy(EXTERNAL_FEED.NEXT_POLL_AT, EXTERNAL_FEED.ID)
                .limit(limit)
                .forUpdate().of(EXTERNAL_FEED).skipLocked()
                .fetch(r -> new Claimed(r.value1(), new TenantId(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
        if (!due.isEmpty()) {
            db.update(EXTERNAL_FEED).set(EXTERNAL_FEED.NEXT_POLL_AT, leaseUntil)
                    .where(EXTERNAL_FEED.ID.in(due.stream().map(Claimed::id).toList())).execute();
        }
        return due;
    }

    void markSuccess(long id, String etag, String lastModified, boolean keepValidators, OffsetDateTime now,
                     OffsetDateTime next) {
        var update = db.update(EXTERNAL_FEED)
                .set(EXTERNAL_FEED.LAST_POLLED_AT, now)
                .set(EXTERNAL_FEED.LAST_SUCCESS_AT, now)
                .set(EXTERNAL_FEED.NEXT_POLL_AT, next)
                .set(EXTERNAL_FEED.CONSECUTIVE_FAILURES, 0)
                .set(EXTERNAL_FEED.LAST_ERROR, (String) null);
        if (!keepValidators) {
            update = update.set(EXTERNAL_FEED.ETAG, etag).set(EXTERNAL_FEED.LAST_MODIFIED, lastModified);
        }
        update.where(EXTERNAL_FEED.ID.eq(id)).execute();
    }

    void markFailure(long id, String error, OffsetDateTime now, OffsetDateTime next) {
        db.update(EXTERNAL_FEED)
                .set(EXTERNAL_FEED.LAST_POLLED_AT, now)
                .set(EXTERNAL_FEED.NEXT_POLL_AT, next)
                .set(EXTERNAL_FEED.CONSECUTIVE_FAILURES, EXTERNAL_FEED.CONSECUTIVE_FAILURES.plus(1))
                .set(EXTERNAL_FEED.LAST_ERROR, error.length() > 500 ? error.substring(0, 500) : error)
                .where(EXTERNAL_FEED.ID.eq(id)).execute();
    }

    /** The active admins of the tenant, who hear when its feed keeps failing. */
    List<UserId> tenantAdmins(TenantId tenant) {
        return db.select(MEMBERSHIP.USER_ID).from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value())).and(MEMBERSHIP.ROLE.eq("tenant_admin"))
                .and(APP_USER.STATUS.eq("active"))
                .fetch(r -> new UserId(r.value1()));
    }

    /** Whether the tenant already has a post for this GUID, or refused it before. */
    boolean known(TenantId tenant, long feedId, String guid) {
        return db.fetchExists(db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.SOURCE_GUID.eq(guid)))
                || db.fetchExists(db.selectFrom(EXTERNAL_FEED_REJECTED_ITEM)
                .where(EXTERNAL_FEED_REJECTED_ITEM.FEED_ID.eq(feedId)).and(EXTERNAL_FEED_REJECTED_ITEM.GUID.eq(guid)));
    }

    void reject(TenantId tenant, long feedId, String guid, String reason, OffsetDateTime now) {
        db.insertInto(EXTERNAL_FEED_REJECTED_ITEM)
                .set(EXTERNAL_FEED_REJECTED_ITEM.TENANT_ID, tenant.value())
                .set(EXTERNAL_FEED_REJECTED_ITEM.FEED_ID, feedId)
                .set(EXTERNAL_FEED_REJECTED_ITEM.GUID, guid)
                .set(EXTERNAL_FEED_REJECTED_ITEM.REASON, reason)
                .set(EXTERNAL_FEED_REJECTED_ITEM.REJECTED_AT, now)
                .onConflictDoNothing().execute();
    }

    /** The post's content as the poller cleaned it. */
    record NewPost(String title, String slug, String summary, String bodyHtml, OffsetDateTime displayDate,
                   String sourceUrl, String sourceGuid, String portalState, boolean unreviewed) {
    }

    /**
     * Inserts a published news post taken from a feed, with its first revision; returns its id, or empty when
     * a post with this GUID appeared meanwhile (the unique index of V13 decides).
     */
    Optional<Long> insertPost(TenantId tenant, NewPost post, OffsetDateTime now) {
        Record inserted = db.insertInto(POST)
                .set(POST.TENANT_ID, tenant.value())
                .set(POST.KIND, "news")
                .set(POST.STATUS, "published")
                .set(POST.SOURCE, "feed")
                .set(POST.TITLE, post.title())
                .set(POST.SLUG, post.slug())
                .set(POST.SUMMARY, post.summary())
                .set(POST.BODY_HTML, post.bodyHtml())
                .set(POST.DISPLAY_DATE, post.displayDate())
                .set(POST.SOURCE_URL, post.sourceUrl())
                .set(POST.SOURCE_GUID, post.sourceGuid())
                .set(POST.PORTAL_STATE, post.portalState())
                .set(POST.UNREVIEWED_SINCE, post.unreviewed() ? now : null)
                // The quota counts a post in the week it reached us, whatever date the agency's site gave it.
                .set(POST.FIRST_PUBLISHED_AT, now)
                .set(POST.PUBLISHED_AT, now)
                .set(POST.CREATED_AT, now)
                .set(POST.UPDATED_AT, now)
                .onConflict(POST.TENANT_ID, POST.SOURCE_GUID).where(POST.SOURCE_GUID.isNotNull()).doNothing()
                .returning(POST.ID)
                .fetchOne();
        if (inserted == null) {
            return Optional.empty();
        }
        long id = inserted.get(POST.ID);
        db.insertInto(POST_REVISION)
                .set(POST_REVISION.TENANT_ID, tenant.value())
                .set(POST_REVISION.POST_ID, id)
                .set(POST_REVISION.NUMBER, 1)
                .set(POST_REVISION.TITLE, post.title())
                .set(POST_REVISION.SLUG, post.slug())
                .set(POST_REVISION.SUMMARY, post.summary())
                .set(POST_REVISION.BODY_HTML, post.bodyHtml())
                .set(POST_REVISION.DISPLAY_DATE, post.displayDate())
                .set(POST_REVISION.CREATED_AT, now)
                .execute();
        return Optional.of(id);
    }

    /** The slugs in this tenant that start with {@code base}, to find a free variant. */
    Set<String> slugsLike(TenantId tenant, String base) {
        return new HashSet<>(db.select(POST.SLUG).from(POST)
                .where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.SLUG.eq(base).or(POST.SLUG.startsWith(base + "-")))
                .fetch(POST.SLUG));
    }

    private static ExternalFeed toFeed(Record r) {
        return new ExternalFeed(r.get(EXTERNAL_FEED.ID), r.get(EXTERNAL_FEED.TENANT_ID), r.get(TENANT.SLUG),
                r.get(TENANT.NAME), r.get(EXTERNAL_FEED.URL), r.get(EXTERNAL_FEED.LAST_POLLED_AT),
                r.get(EXTERNAL_FEED.NEXT_POLL_AT), r.get(EXTERNAL_FEED.CONSECUTIVE_FAILURES),
                r.get(EXTERNAL_FEED.LAST_ERROR), r.get(EXTERNAL_FEED.LAST_SUCCESS_AT), r.get(EXTERNAL_FEED.ENABLED),
                r.get(EXTERNAL_FEED.CREATED_AT));
    }
}
