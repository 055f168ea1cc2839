package id.serambi.core.post;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.POST_REVISION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** The revisions of posts. Callers hold the post's row lock when adding one, so numbers never collide. */
@Singleton
class RevisionRepository {
    private final DSLContext db;

    RevisionRepository(DSLContext db) {
        this.db = db;
    }

    int insert(TenantId tenant, PostId post, PostContent content, UserId author, boolean byPlatform,
               Integer restoredFrom, OffsetDateTime at) {
        int number = db.select(DSL.coalesce(DSL.max(POST_REVISION.NUMBER), 0)).from(POST_REVISION)
                .where(POST_REVISION.TENANT_ID.eq(tenant.value())).and(POST_REVISION.POST_ID.eq(post.value()))
                .fetchSingle().value1() + 1;
        db.insertInto(POST_REVISION)
                .set(POST_REVISION.TENANT_ID, tenant.value())
                .set(POST_REVISION.POST_ID, post.value())
                .set(POST_REVISION.NUMBER, number)
                .set(POST_REVISION.TITLE, content.title())
                .set(POST_REVISION.SLUG, content.slug())
                .set(POST_REVISION.SUMMARY, content.summary())
                .set(POST_REVISION.BODY_HTML, content.bodyHtml())
                .set(POST_REVISION.DISPLAY_DATE, content.displayDate())
                .set(POST_REVISION.SEO_DESCRIPTION, content.seoDescription())
                .set(POST_REVISION.CATEGORY_ID, content.categoryId())
                .set(POST_REVISION.TAGS, content.tags().toArray(String[]::new))
                .set(POST_REVISION.FEATURED_MEDIA_ID, content.featuredMediaId() == null ? null : content.featuredMediaId().value())
                .set(POST_REVISION.AUTHOR_ID, author == null ? null : author.value())
                .set(POST_REVISION.BY_PLATFORM, byPlatform)
                .set(POST_REVISION.RESTORED_FROM, restoredFrom)
                .set(POST_REVISION.CREATED_AT, at)
                .execute();
        return number;
    }

    /** Newest first. */
    List<PostRevision> list(TenantId tenant, PostId post) {
        return select(tenant, post).orderBy(POST_REVISION.NUMBER.desc()).fetch(RevisionRepository::toRevision);
    }

    Optional<PostRevision> find(TenantId tenant, PostId post, int number) {
        return select(tenant, post).and(POST_REVISION.NUMBER.eq(number)).fetchOptional(RevisionRepository::toRevision);
    }

    private org.jooq.SelectConditionStep<Record> select(TenantId tenant, PostId post) {
        return db.select(POST_REVISION.fields()).select(APP_USER.DISPLAY_NAME).from(POST_REVISION)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(POST_REVISION.AUTHOR_ID))
                .where(POST_REVISION.TENANT_ID.eq(tenant.value())).and(POST_REVISION.POST_ID.eq(post.value()));
    }

    private static PostRevision toRevision(Record r) {
        var rev = r.into(POST_REVISION);
        return new PostRevision(new PostId(rev.getPostId()), rev.getNumber(),
                new PostContent(rev.getTitle(), rev.getSlug(), rev.getSummary(), rev.getBodyHtml(),
                        rev.getDisplayDate(), rev.getSeoDescription(), rev.getCategoryId(),
                        rev.getTags() == null ? List.of() : List.of(rev.getTags()),
                        rev.getFeaturedMediaId() == null ? null : new id.serambi.core.media.MediaId(rev.getFeaturedMediaId())),
                rev.getAuthorId() == null ? null : new UserId(rev.getAuthorId()),
                r.get(APP_USER.DISPLAY_NAME) == null ? "" : r.get(APP_USER.DISPLAY_NAME),
                Boolean.TRUE.equals(rev.getByPlatform()), rev.getRestoredFrom(), rev.getCreatedAt());
    }
}
