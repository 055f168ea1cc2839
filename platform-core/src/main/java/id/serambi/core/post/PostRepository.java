package id.serambi.core.post;

import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;

import id.serambi.core.account.UserId;
import id.serambi.core.jooq.public_.tables.records.PostRecord;
import id.serambi.core.media.MediaId;
import id.serambi.core.tenant.PortalModeration;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Post rows. Every method takes the tenant first and matches it, even for a lookup by id. */
@Singleton
class PostRepository {
    private final DSLContext db;

    PostRepository(DSLContext db) {
        this.db = db;
    }

    Post insertDraft(TenantId tenant, PostKind kind, String title, String slug, String summary, String bodyHtml,
                     UserId author, KindFields fields) {
        return toPost(db.insertInto(POST)
                .set(POST.TENANT_ID, tenant.value())
                .set(POST.KIND, kind.dbValue())
                .set(POST.STATUS, PostStatus.DRAFT.dbValue())
                .set(POST.TITLE, title)
                .set(POST.SLUG, slug)
                .set(POST.SUMMARY, summary)
                .set(POST.BODY_HTML, bodyHtml)
                .set(POST.AUTHOR_ID, author == null ? null : author.value())
                .set(POST.CATEGORY_ID, fields.categoryId())
                .set(POST.TAGS, fields.tags().toArray(String[]::new))
                .set(POST.FEATURED_MEDIA_ID, uuid(fields.featuredMediaId()))
                .set(POST.MENU_POSITION, fields.menuPosition())
                .set(POST.DOCUMENT_MEDIA_ID, uuid(fields.documentMediaId()))
                .set(POST.DOCUMENT_CATEGORY, fields.documentCategory() == null ? null : fields.documentCategory().dbValue())
                .set(POST.DOCUMENT_YEAR, fields.documentYear())
                .returning()
                .fetchOne());
    }

    /** The kind's own fields of a post: its menu place (pages) and its PPID file, category and year (documents). */
    Post updateKindFields(TenantId tenant, PostId id, KindFields fields) {
        return toPost(db.update(POST)
                .set(POST.MENU_POSITION, fields.menuPosition())
                .set(POST.DOCUMENT_MEDIA_ID, uuid(fields.documentMediaId()))
                .set(POST.DOCUMENT_CATEGORY, fields.documentCategory() == null ? null : fields.documentCategory().dbValue())
                .set(POST.DOCUMENT_YEAR, fields.documentYear())
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .returning()
                .fetchOne());
    }

    private static java.util.UUID uuid(id.serambi.core.media.MediaId id) {
        return id == null ? null : id.value();
    }

    Optional<Post> find(TenantId tenant, PostId id) {
        return db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .fetchOptional().map(PostRepository::toPost);
    }

    /** Locks the row for the rest of the transaction, so two publishers cannot both pass the state check. */
    Optional<Post> findForUpdate(TenantId tenant, PostId id) {
        return db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .forUpdate().fetchOptional().map(PostRepository::toPost);
    }

    /**
     * Publishes the row. The portal state follows the tenant's moderation: a pre-moderated tenant's first
     * publication waits for Kominfo ('pending'); elsewhere a post still waiting goes straight onto the portal,
     * and a post-moderated tenant's first publication is marked unreviewed for Kominfo's queue (V23).
     * A post Kominfo hid or took down stays so when its agency publishes it again.
     */
    Post markPublished(TenantId tenant, PostId id, OffsetDateTime at) {
        var mode = PortalModeration.parse(db.select(TENANT.PORTAL_MODERATION).from(TENANT)
                .where(TENANT.ID.eq(tenant.value())).fetchSingle(TENANT.PORTAL_MODERATION))
                .orElse(PortalModeration.POST);
        boolean preModerated = mode == PortalModeration.PRE;
        org.jooq.Field<OffsetDateTime> unreviewed = mode.reviewedAfterPublication()
                ? org.jooq.impl.DSL.when(POST.FIRST_PUBLISHED_AT.isNull(), org.jooq.impl.DSL.val(at))
                        .otherwise(POST.UNREVIEWED_SINCE)
                : POST.UNREVIEWED_SINCE;
        org.jooq.Field<String> portalState = preModerated
                ? org.jooq.impl.DSL.when(POST.PORTAL_STATE.in("hidden", "removed"), POST.PORTAL_STATE)
                        .when(POST.FIRST_PUBLISHED_AT.isNull(), org.jooq.impl.DSL.inline("pending"))
                        .otherwise(POST.PORTAL_STATE)
                : org.jooq.impl.DSL.when(POST.PORTAL_STATE.eq("pending"), org.jooq.impl.DSL.inline("visible"))
                        .otherwise(POST.PORTAL_STATE);
        return toPost(db.update(POST)
                .set(POST.PORTAL_STATE, portalState)
                .set(POST.UNREVIEWED_SINCE, unreviewed)
                .set(POST.STATUS, PostStatus.PUBLISHED.dbValue())
                .set(POST.FIRST_PUBLISHED_AT, org.jooq.impl.DSL.coalesce(POST.FIRST_PUBLISHED_AT, at))
                .set(POST.PUBLISHED_AT, at)
                .set(POST.SCHEDULED_AT, (OffsetDateTime) null)
                .set(POST.UPDATED_AT, at)
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .returning()
                .fetchOne());
    }

    /** Moves a post to a state that is not live: in review, approved, withdrawn, back to draft, scheduled. */
    Post setStatus(TenantId tenant, PostId id, PostStatus status, OffsetDateTime scheduledAt, OffsetDateTime at) {
        return toPost(db.update(POST)
                .set(POST.STATUS, status.dbValue())
                .set(POST.SCHEDULED_AT, scheduledAt)
                .set(POST.UPDATED_AT, at)
                .where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .returning()
                .fetchOne());
    }

    /**
     * A save from the edit form: the content columns, {@code updated_at}, and {@code revised_at} when the
     * post had been published before (the public page then says "Diperbarui").
     */
    Post updateContent(TenantId tenant, PostId id, PostContent content, OffsetDateTime at, boolean revisedInPublic) {
        var update = db.update(POST)
                .set(POST.TITLE, content.title())
                .set(POST.SLUG, content.slug())
                .set(POST.SUMMARY, content.summary())
                .set(POST.BODY_HTML, content.bodyHtml())
                .set(POST.DISPLAY_DATE, content.displayDate())
                .set(POST.SEO_DESCRIPTION, content.seoDescription())
                .set(POST.CATEGORY_ID, content.categoryId())
                .set(POST.TAGS, content.tags().toArray(String[]::new))
                .set(POST.FEATURED_MEDIA_ID, uuid(content.featuredMediaId()))
                .set(POST.UPDATED_AT, at);
        if (revisedInPublic) {
            update = update.set(POST.REVISED_AT, at);
        }
        return toPost(update.where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .returning().fetchOne());
    }

    /** Whether another post of the tenant already uses {@code slug}. */
    boolean slugTakenByOther(TenantId tenant, String slug, PostId self) {
        return db.fetchExists(db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.SLUG.eq(slug)).and(POST.ID.ne(self.value())));
    }

    /** A scheduled post that is due, with its tenant's slug (the scheduler acts through the tenant's rules). */
    public record DueSchedule(String tenantSlug, PostId postId) {
    }

    List<DueSchedule> dueSchedules(OffsetDateTime now, int limit) {
        return db.select(TENANT.SLUG, POST.ID).from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.STATUS.eq(PostStatus.SCHEDULED.dbValue())).and(POST.SCHEDULED_AT.le(now))
                .orderBy(POST.SCHEDULED_AT, POST.ID).limit(limit)
                .fetch(r -> new DueSchedule(r.value1(), new PostId(r.value2())));
    }

    boolean platformMayEdit(TenantId tenant) {
        return Boolean.TRUE.equals(db.select(TENANT.PLATFORM_MAY_EDIT).from(TENANT).where(TENANT.ID.eq(tenant.value()))
                .fetchSingle(TENANT.PLATFORM_MAY_EDIT));
    }

    boolean isDeleted(TenantId tenant, PostId id) {
        return db.fetchExists(db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(id.value()))
                .and(POST.DELETED_AT.isNotNull()));
    }

    int workflowSteps(TenantId tenant) {
        return db.select(TENANT.WORKFLOW_STEPS).from(TENANT).where(TENANT.ID.eq(tenant.value())).fetchSingle().value1();
    }

    /** The slugs in this tenant that start with {@code base}, to find a free variant. */
    Set<String> slugsLike(TenantId tenant, String base) {
        return new HashSet<>(db.select(POST.SLUG).from(POST)
                .where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.SLUG.eq(base).or(POST.SLUG.startsWith(base + "-")))
                .fetch(POST.SLUG));
    }

    List<Post> latest(TenantId tenant, int limit) {
        return db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value()))
                .orderBy(POST.UPDATED_AT.desc(), POST.ID.desc()).limit(limit)
                .fetch(PostRepository::toPost);
    }

    static Post toPost(PostRecord r) {
        return new Post(new PostId(r.getId()), new TenantId(r.getTenantId()),
                PostKind.parse(r.getKind()).orElseThrow(), PostStatus.fromDb(r.getStatus()), r.getTitle(),
                r.getSlug(), r.getSummary(), r.getBodyHtml(), r.getFirstPublishedAt(), r.getPublishedAt(),
                r.getCreatedAt(), r.getUpdatedAt(), r.getAuthorId() == null ? null : new UserId(r.getAuthorId()),
                r.getScheduledAt(), r.getDisplayDate(), r.getSeoDescription(), r.getRevisedAt(),
                r.getCategoryId(), r.getTags() == null ? List.of() : List.of(r.getTags()),
                r.getFeaturedMediaId() == null ? null : new MediaId(r.getFeaturedMediaId()), r.getMenuPosition(),
                r.getDocumentMediaId() == null ? null : new MediaId(r.getDocumentMediaId()),
                r.getDocumentCategory() == null ? null : DocumentCategory.parse(r.getDocumentCategory()).orElseThrow(),
                r.getDocumentYear(), r.getSourceUrl());
    }
}
