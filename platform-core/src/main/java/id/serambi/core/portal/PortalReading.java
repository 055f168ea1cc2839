package id.serambi.core.portal;

import static id.serambi.core.jooq.portal.Tables.CATEGORY;
import static id.serambi.core.jooq.portal.Tables.COMPLAINT_SERVICE;
import static id.serambi.core.jooq.portal.Tables.MEDIA;
import static id.serambi.core.jooq.portal.Tables.PIN;
import static id.serambi.core.jooq.portal.Tables.POST;
import static id.serambi.core.jooq.portal.Tables.POST_GALLERY_ITEM;
import static id.serambi.core.jooq.portal.Tables.TENANT;
import static id.serambi.core.jooq.portal.Tables.TENANT_DOMAIN;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

import id.serambi.core.jooq.portal.tables.Media;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The reader pages' queries (issue 4): the district home (pinned headlines, latest news, announcements,
 * categories, the agency directory), each agency's site (menu pages, news, documents, galleries) and archives
 * by month. Like {@link PortalQueries} it reads only the views of schema "portal" through the portal's role.
 * <p>
 * Two scopes: the district portal shows posts moderation let through ({@code portal_state = 'visible'}); an
 * agency's site shows all its published posts except those moderation removed (hidden ones stay on it).
 */
@Singleton
public class PortalReading {
    /** Portal states an agency's own site shows. */
    private static final List<String> ON_AGENCY_SITE = List.of("visible", "pending", "hidden");
    private static final Media FEATURED = MEDIA.as("featured");
    private static final Media FILE = MEDIA.as("file");
    /** The date a reader sees and lists are ordered by: the newsroom's display date, else publication. */
    private static final Field<OffsetDateTime> SHOWN = DSL.coalesce(POST.DISPLAY_DATE, POST.PUBLISHED_AT);

    private final DSLContext db;
    private final ZoneId zone;

    PortalReading(@Named(PortalQueries.DATASOURCE) DSLContext db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** Where a list reads from: the whole district, or one agency's site. */
    public record Scope(TenantId tenant) {
        public static final Scope DISTRICT = new Scope(null);

        public static Scope agency(TenantId tenant) {
            return new Scope(tenant);
        }

        Condition condition() {
            return tenant == null ? POST.PORTAL_STATE.eq("visible")
                    : POST.TENANT_ID.eq(tenant.value()).and(POST.PORTAL_STATE.in(ON_AGENCY_SITE));
        }
    }

    /** What a list holds: kinds, optionally one category and one month. */
    public record Filter(List<String> kinds, Long categoryId, YearMonth month) {
        public static Filter kinds(String... kinds) {
            return new Filter(List.of(kinds), null, null);
        }

        public Filter inCategory(long category) {
            return new Filter(kinds, category, month);
        }

        public Filter inMonth(YearMonth m) {
            return new Filter(kinds, categoryId, m);
        }
    }

    /** The headlines Kominfo pinned, in their order; a post that left the portal is no longer among them. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<ReaderPost> pinned(int limit) {
        return selectPosts().join(PIN).on(PIN.TENANT_ID.eq(POST.TENANT_ID)).and(PIN.POST_ID.eq(POST.ID))
                .orderBy(PIN.POSITION, PIN.PINNED_AT.desc())
                .limit(limit)
                .fetch(PortalReading::toPost);
    }

    /** One page (1-based, {@code size} rows) of a list, newest first. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public ReaderPage<ReaderPost> list(Scope scope, Filter filter, int page, int size) {
        Condition where = scope.condition().and(POST.KIND.in(filter.kinds()));
        if (filter.categoryId() != null) {
            where = where.and(POST.CATEGORY_ID.eq(filter.categoryId()));
        }
        if (filter.month() != null) {
            where = where.and(SHOWN.ge(start(filter.month()))).and(SHOWN.lt(start(filter.month().plusMonths(1))));
        }
        List<ReaderPost> rows = selectPosts().where(where)
                .orderBy(SHOWN.desc(), POST.ID.desc())
                .offset((long) (page - 1) * size).limit(size + 1)
                .fetch(PortalReading::toPost);
        return ReaderPage.of(rows, page, size);
    }

    /** A post of the agency (any kind but a menu page's own address) by its slug, as its site shows it. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<ReaderPost> post(TenantId tenant, String kind, String slug) {
        return selectPosts().where(Scope.agency(tenant).condition()).and(POST.SLUG.eq(slug)).and(POST.KIND.eq(kind))
                .fetchOptional(PortalReading::toPost);
    }

    /** A post of the agency by its slug, of any of {@code kinds}. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<ReaderPost> post(TenantId tenant, List<String> kinds, String slug) {
        return selectPosts().where(Scope.agency(tenant).condition()).and(POST.SLUG.eq(slug)).and(POST.KIND.in(kinds))
                .fetchOptional(PortalReading::toPost);
    }

    /** Other posts of the same agency in the same category or sharing a tag, newest first. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<ReaderPost> related(ReaderPost post, int limit) {
        Condition alike = DSL.falseCondition();
        if (post.category() != null) {
            alike = alike.or(POST.CATEGORY_ID.eq(post.category().id()));
        }
        if (!post.tags().isEmpty()) {
            alike = alike.or(DSL.condition("{0} && {1}::text[]", POST.TAGS, DSL.val(post.tags().toArray(String[]::new))));
        }
        return selectPosts().where(Scope.agency(post.tenantId()).condition())
                .and(POST.KIND.in("news", "announcement")).and(POST.ID.ne(post.id())).and(alike)
                .orderBy(SHOWN.desc(), POST.ID.desc())
                .limit(limit)
                .fetch(PortalReading::toPost);
    }

    /** The district's categories, in their order. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<PortalCategory> categories() {
        return db.selectFrom(CATEGORY).orderBy(CATEGORY.POSITION, CATEGORY.NAME)
                .fetch(r -> new PortalCategory(r.getId(), r.getSlug(), r.getName()));
    }

    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<PortalCategory> category(String slug) {
        return db.selectFrom(CATEGORY).where(CATEGORY.SLUG.eq(slug))
                .fetchOptional(r -> new PortalCategory(r.getId(), r.getSlug(), r.getName()));
    }

    /** The active agencies, by name, with when each last published something. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<PortalAgency> agencies() {
        // "Newest first, one row" rather than max(): through the view PostgreSQL would aggregate every post of
        // every agency (about 200 ms with 100,000 posts); this walks each agency's index and stops at its first row.
        Field<OffsetDateTime> last = DSL.field(DSL.select(POST.PUBLISHED_AT).from(POST)
                .where(POST.TENANT_ID.eq(TENANT.ID)).and(POST.PORTAL_STATE.in(ON_AGENCY_SITE))
                .orderBy(POST.PUBLISHED_AT.desc()).limit(1));
        Field<Boolean> takesComplaints = DSL.field(DSL.exists(DSL.selectOne().from(COMPLAINT_SERVICE)
                .where(COMPLAINT_SERVICE.TENANT_ID.eq(TENANT.ID))));
        return db.select(TENANT.asterisk(), last.as("last_published_at"), takesComplaints.as("takes_complaints")).from(TENANT)
                .where(TENANT.STATUS.eq("active"))
                .orderBy(TENANT.NAME)
                .fetch(r -> new PortalAgency(PortalQueries.toTenant(r.into(TENANT)), r.get("last_published_at", OffsetDateTime.class),
                        r.get("takes_complaints", Boolean.class)));
    }

    /** The agency's menu: its pages that have a menu position, in that order. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<MenuPage> menu(TenantId tenant) {
        return db.select(POST.TITLE, POST.SLUG).from(POST)
                .where(Scope.agency(tenant).condition()).and(POST.KIND.eq("page")).and(POST.MENU_POSITION.isNotNull())
                .orderBy(POST.MENU_POSITION, POST.TITLE)
                .fetch(r -> new MenuPage(r.value1(), r.value2()));
    }

    /** The agency's host name, if it has one (the alphabetically first when several): canonical addresses use it. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<String> host(TenantId tenant) {
        return db.select(DSL.min(TENANT_DOMAIN.HOST)).from(TENANT_DOMAIN).where(TENANT_DOMAIN.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> r.value1());
    }

    /** One page of the agency's PPID documents, optionally of one PPID category and one year. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public ReaderPage<PortalDocument> documents(TenantId tenant, String documentCategory, Integer year, int page, int size) {
        Condition where = Scope.agency(tenant).condition().and(POST.KIND.eq("document"));
        if (documentCategory != null) {
            where = where.and(POST.DOCUMENT_CATEGORY.eq(documentCategory));
        }
        if (year != null) {
            where = where.and(POST.DOCUMENT_YEAR.eq(year));
        }
        List<PortalDocument> rows = db.select(POST.ID, POST.TITLE, POST.SLUG, POST.SUMMARY, POST.DOCUMENT_CATEGORY,
                        POST.DOCUMENT_YEAR, SHOWN, FILE.ID, FILE.FILE_NAME, FILE.CONTENT_TYPE, FILE.BYTE_SIZE)
                .from(POST)
                .leftJoin(FILE).on(FILE.TENANT_ID.eq(POST.TENANT_ID)).and(FILE.ID.eq(POST.DOCUMENT_MEDIA_ID))
                .where(where)
                .orderBy(POST.DOCUMENT_YEAR.desc().nullsLast(), SHOWN.desc(), POST.ID.desc())
                .offset((long) (page - 1) * size).limit(size + 1)
                .fetch(r -> new PortalDocument(r.get(POST.ID), r.get(POST.TITLE), r.get(POST.SLUG), r.get(POST.SUMMARY),
                        r.get(POST.DOCUMENT_CATEGORY), r.get(POST.DOCUMENT_YEAR), r.get(SHOWN), r.get(FILE.ID),
                        r.get(FILE.FILE_NAME), r.get(FILE.CONTENT_TYPE), r.get(FILE.BYTE_SIZE)));
        return ReaderPage.of(rows, page, size);
    }

    /** The years the agency's documents are filed under, newest first. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<Integer> documentYears(TenantId tenant) {
        return db.selectDistinct(POST.DOCUMENT_YEAR).from(POST)
                .where(Scope.agency(tenant).condition()).and(POST.KIND.eq("document")).and(POST.DOCUMENT_YEAR.isNotNull())
                .orderBy(POST.DOCUMENT_YEAR.desc())
                .fetch(POST.DOCUMENT_YEAR);
    }

    /** The photos and videos of a gallery post, in order; deleted media are left out. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<GalleryItem> galleryItems(TenantId tenant, long postId) {
        return db.select(POST_GALLERY_ITEM.POSITION, POST_GALLERY_ITEM.CAPTION, MEDIA.ID, MEDIA.KIND, MEDIA.VARIANTS,
                        MEDIA.ALT_TEXT, MEDIA.WIDTH, MEDIA.HEIGHT, MEDIA.YOUTUBE_ID)
                .from(POST_GALLERY_ITEM)
                .join(MEDIA).on(MEDIA.TENANT_ID.eq(POST_GALLERY_ITEM.TENANT_ID)).and(MEDIA.ID.eq(POST_GALLERY_ITEM.MEDIA_ID))
                .where(POST_GALLERY_ITEM.TENANT_ID.eq(tenant.value())).and(POST_GALLERY_ITEM.POST_ID.eq(postId))
                .orderBy(POST_GALLERY_ITEM.POSITION)
                .fetch(r -> new GalleryItem(r.get(POST_GALLERY_ITEM.POSITION), r.get(MEDIA.KIND),
                        new PortalImage(r.get(MEDIA.ID), list(r.get(MEDIA.VARIANTS)), r.get(MEDIA.ALT_TEXT),
                                r.get(MEDIA.WIDTH), r.get(MEDIA.HEIGHT)),
                        r.get(MEDIA.YOUTUBE_ID), r.get(POST_GALLERY_ITEM.CAPTION)));
    }

    /** The first image of each gallery, for the list of galleries. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<GalleryItem> galleryCover(TenantId tenant, long postId) {
        return galleryItems(tenant, postId).stream().filter(i -> !i.image().widths().isEmpty() || i.youtube()).findFirst();
    }

    /** The months that hold posts of these kinds, newest first, with how many each. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<ArchiveMonth> months(Scope scope, List<String> kinds) {
        Field<String> month = DSL.field("to_char({0} at time zone {1}, 'YYYY-MM')", String.class, SHOWN, DSL.inline(zone.getId()));
        return db.select(month, DSL.count()).from(POST)
                .where(scope.condition()).and(POST.KIND.in(kinds))
                .groupBy(month).orderBy(month.desc())
                .fetch(r -> new ArchiveMonth(YearMonth.parse(r.value1()), r.value2()));
    }

    private OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private SelectJoinStep<Record> selectPosts() {
        List<SelectField<?>> fields = new ArrayList<>(List.of(POST.ID, POST.TENANT_ID, TENANT.SLUG, TENANT.NAME, POST.KIND,
                POST.TITLE, POST.SLUG, POST.SUMMARY, POST.BODY_HTML, POST.DISPLAY_DATE, POST.PUBLISHED_AT, POST.REVISED_AT,
                POST.SEO_DESCRIPTION, POST.TAGS, POST.SOURCE_URL, CATEGORY.ID, CATEGORY.SLUG, CATEGORY.NAME,
                FEATURED.ID, FEATURED.VARIANTS, FEATURED.ALT_TEXT, FEATURED.WIDTH, FEATURED.HEIGHT));
        return db.select(fields).from(POST)
                .join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(POST.CATEGORY_ID))
                .leftJoin(FEATURED).on(FEATURED.TENANT_ID.eq(POST.TENANT_ID)).and(FEATURED.ID.eq(POST.FEATURED_MEDIA_ID))
                .and(FEATURED.KIND.eq("image"));
    }

    private static ReaderPost toPost(Record r) {
        PortalCategory category = r.get(CATEGORY.ID) == null ? null
                : new PortalCategory(r.get(CATEGORY.ID), r.get(CATEGORY.SLUG), r.get(CATEGORY.NAME));
        PortalImage featured = r.get(FEATURED.ID) == null ? null
                : new PortalImage(r.get(FEATURED.ID), list(r.get(FEATURED.VARIANTS)), r.get(FEATURED.ALT_TEXT),
                        r.get(FEATURED.WIDTH), r.get(FEATURED.HEIGHT));
        return new ReaderPost(r.get(POST.ID), new TenantId(r.get(POST.TENANT_ID)), r.get(TENANT.SLUG), r.get(TENANT.NAME),
                r.get(POST.KIND), r.get(POST.TITLE), r.get(POST.SLUG), r.get(POST.SUMMARY), r.get(POST.BODY_HTML),
                r.get(POST.DISPLAY_DATE), r.get(POST.PUBLISHED_AT), r.get(POST.REVISED_AT), r.get(POST.SEO_DESCRIPTION),
                category, list(r.get(POST.TAGS)), featured, r.get(POST.SOURCE_URL));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
