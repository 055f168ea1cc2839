package id.serambi.core.coordination;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.CATEGORY;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.REVIEW_MARK;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;

import id.serambi.core.account.UserId;
import id.serambi.core.post.PostId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** The review stream's query and the marks. */
@Singleton
class CoordinationRepository {
    private final DSLContext db;

    CoordinationRepository(DSLContext db) {
        this.db = db;
    }

    /** Published, undeleted posts of live agencies, newest first; one more than a page, to know if there is a next. */
    List<StreamItem> stream(StreamFilter filter, ZoneId zone, int offset, int limit) {
        Condition where = POST.STATUS.eq("published").and(POST.DELETED_AT.isNull())
                .and(TENANT.STATUS.in("active", "archived"));
        if (filter.tenantSlug() != null) {
            where = where.and(TENANT.SLUG.eq(filter.tenantSlug()));
        }
        if (filter.categorySlug() != null) {
            where = where.and(CATEGORY.SLUG.eq(filter.categorySlug()));
        }
        if (filter.from() != null) {
            where = where.and(POST.PUBLISHED_AT.ge(filter.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            where = where.and(POST.PUBLISHED_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        var rows = db.select(POST.ID, POST.TENANT_ID, TENANT.SLUG, TENANT.NAME, POST.TITLE, POST.SUMMARY, CATEGORY.NAME,
                        POST.PUBLISHED_AT, POST.PORTAL_STATE)
                .from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(POST.CATEGORY_ID))
                .where(where)
                .orderBy(POST.PUBLISHED_AT.desc(), POST.ID.desc())
                .offset(offset).limit(limit)
                .fetch();
        Map<Long, List<ReviewMark>> marks = marksOf(rows.stream().map(r -> r.value1()).toList());
        List<StreamItem> items = new ArrayList<>();
        for (var r : rows) {
            items.add(new StreamItem(new PostId(r.value1()), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                    r.value8(), r.value9(), marks.getOrDefault(r.value1(), List.of())));
        }
        return items;
    }

    private Map<Long, List<ReviewMark>> marksOf(Collection<Long> postIds) {
        Map<Long, List<ReviewMark>> marks = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return marks;
        }
        selectMarks(REVIEW_MARK.POST_ID.in(postIds))
                .forEach(m -> marks.computeIfAbsent(m.postId().value(), k -> new ArrayList<>()).add(m));
        return marks;
    }

    List<ReviewMark> marks(TenantId tenant, PostId post) {
        return selectMarks(REVIEW_MARK.TENANT_ID.eq(tenant.value()).and(REVIEW_MARK.POST_ID.eq(post.value())));
    }

    private List<ReviewMark> selectMarks(Condition where) {
        return db.select(REVIEW_MARK.ID, REVIEW_MARK.POST_ID, REVIEW_MARK.MARK, REVIEW_MARK.NOTE, APP_USER.DISPLAY_NAME,
                        REVIEW_MARK.CREATED_AT, REVIEW_MARK.RESOLVED_AT)
                .from(REVIEW_MARK).join(APP_USER).on(APP_USER.ID.eq(REVIEW_MARK.MARKED_BY))
                .where(where)
                .orderBy(REVIEW_MARK.CREATED_AT.desc(), REVIEW_MARK.ID.desc())
                .fetch(r -> new ReviewMark(r.value1(), new PostId(r.value2()), MarkKind.parse(r.value3()).orElseThrow(),
                        r.value4(), r.value5(), r.value6(), r.value7() != null));
    }

    /** The post's title if it is published and not deleted (only those can be marked). */
    java.util.Optional<String> publishedTitle(TenantId tenant, PostId post) {
        return db.select(POST.TITLE).from(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(post.value()))
                .and(POST.STATUS.eq("published")).and(POST.DELETED_AT.isNull())
                .fetchOptional(POST.TITLE);
    }

    boolean exists(TenantId tenant, PostId post) {
        return db.fetchExists(db.selectFrom(POST).where(POST.TENANT_ID.eq(tenant.value())).and(POST.ID.eq(post.value())));
    }

    ReviewMark insert(TenantId tenant, PostId post, MarkKind kind, String note, UserId by, OffsetDateTime at) {
        long id = db.insertInto(REVIEW_MARK)
                .set(REVIEW_MARK.TENANT_ID, tenant.value())
                .set(REVIEW_MARK.POST_ID, post.value())
                .set(REVIEW_MARK.MARK, kind.dbValue())
                .set(REVIEW_MARK.NOTE, note)
                .set(REVIEW_MARK.MARKED_BY, by.value())
                .set(REVIEW_MARK.CREATED_AT, at)
                .returning(REVIEW_MARK.ID).fetchOne(REVIEW_MARK.ID);
        return selectMarks(REVIEW_MARK.ID.eq(id)).get(0);
    }

    List<ReviewStream.Choice> agencies() {
        return db.select(TENANT.SLUG, TENANT.NAME).from(TENANT).where(TENANT.STATUS.in("active", "archived"))
                .orderBy(TENANT.NAME).fetch(r -> new ReviewStream.Choice(r.value1(), r.value2()));
    }

    List<ReviewStream.Choice> categories() {
        return db.select(CATEGORY.SLUG, CATEGORY.NAME).from(CATEGORY).orderBy(CATEGORY.POSITION, CATEGORY.NAME)
                .fetch(r -> new ReviewStream.Choice(r.value1(), r.value2()));
    }

}
