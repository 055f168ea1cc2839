package id.serambi.core.tenant;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static id.serambi.core.jooq.public_.Tables.TENANT_DOMAIN;
import static id.serambi.core.jooq.public_.Tables.TENANT_LOGO;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import id.serambi.core.quota.QuotaWeek;
import id.serambi.core.quota.WeekProgress;
import jakarta.inject.Singleton;

/** The tenants list, a tenant's profile, its host names and logo. Only {@link TenantProvisioningService} uses it. */
@Singleton
class TenantProfileRepository {
    private final DSLContext db;

    TenantProfileRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * One page of tenants with their hosts, admins, last post and this week's count, in one statement:
     * per-tenant figures come from correlated subqueries over indexed columns, not a query per row.
     */
    TenantListPage list(TenantListQuery query, QuotaWeek week, Condition countsThisWeek) {
        Condition where = DSL.trueCondition();
        if (query.search() != null) {
            where = where.and(TENANT.NAME.containsIgnoreCase(query.search()).or(TENANT.SLUG.containsIgnoreCase(query.search())));
        }
        if (query.status() != null) {
            where = where.and(TENANT.STATUS.eq(query.status().dbValue()));
        }
        if (query.kind() != null) {
            where = where.and(TENANT.KIND.eq(query.kind().dbValue()));
        }
        Field<String[]> hosts = DSL.field(DSL.select(DSL.arrayAgg(TENANT_DOMAIN.HOST).orderBy(TENANT_DOMAIN.HOST))
                .from(TENANT_DOMAIN).where(TENANT_DOMAIN.TENANT_ID.eq(TENANT.ID))).as("hosts");
        Field<String[]> admins = DSL.field(DSL.select(DSL.arrayAgg(APP_USER.DISPLAY_NAME).orderBy(APP_USER.DISPLAY_NAME))
                .from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(MEMBERSHIP.TENANT_ID.eq(TENANT.ID)).and(MEMBERSHIP.ROLE.eq("tenant_admin"))
                .and(APP_USER.STATUS.eq("active"))).as("admins");
        Field<OffsetDateTime> lastPost = DSL.field(DSL.select(DSL.max(POST.PUBLISHED_AT)).from(POST)
                .where(POST.TENANT_ID.eq(TENANT.ID)).and(POST.STATUS.eq("published"))).as("last_post");
        var counted = DSL.lateral(DSL.select(DSL.count().as("published")).from(POST)
                .where(POST.TENANT_ID.eq(TENANT.ID)).and(countsThisWeek)).as("week");
        Field<Integer> published = counted.field("published", Integer.class);
        // Archived tenants are off the quota: they sort after everyone who still owes posts.
        Field<Integer> shortfall = DSL.when(TENANT.STATUS.eq("archived"), DSL.inline(-1))
                .otherwise(DSL.greatest(TENANT.QUOTA_MIN_PER_WEEK.minus(published), DSL.inline(0)));
        Field<Integer> total = DSL.count().over().as("total");

        List<SortField<?>> order = new ArrayList<>();
        switch (query.sort()) {
            case NAME -> { }
            case LAST_POST -> order.add(lastPost.desc().nullsLast());
            case QUOTA -> order.add(shortfall.desc());
        }
        order.add(DSL.lower(TENANT.NAME).asc());
        order.add(TENANT.ID.asc());

        var rows = db.select(TENANT.ID, TENANT.SLUG, TENANT.NAME, TENANT.KIND, TENANT.STATUS, TENANT.QUOTA_MIN_PER_WEEK,
                        hosts, admins, lastPost, published, total)
                .from(TENANT).crossJoin(counted)
                .where(where)
                .orderBy(order)
                .limit(TenantListQuery.PAGE_SIZE).offset(query.offset())
                .fetch();
        int totalCount = rows.isEmpty() ? countAll(where) : rows.get(0).get(total);
        List<TenantSummary> summaries = rows.map(r -> {
            TenantStatus status = TenantStatus.fromDb(r.get(TENANT.STATUS));
            return new TenantSummary(new TenantId(r.get(TENANT.ID)), r.get(TENANT.SLUG), r.get(TENANT.NAME),
                    TenantKind.parse(r.get(TENANT.KIND)).orElse(TenantKind.OTHER), status,
                    listOf(r.get(hosts)), listOf(r.get(admins)), r.get(lastPost),
                    status == TenantStatus.ARCHIVED ? null
                            : new WeekProgress(week, r.get(published), r.get(TENANT.QUOTA_MIN_PER_WEEK)));
        });
        return new TenantListPage(query, summaries, totalCount, week);
    }

    // A page past the end has no rows to carry the window count.
    private int countAll(Condition where) {
        return db.fetchCount(TENANT, where);
    }

    Optional<TenantProfile> profile(TenantId id) {
        return db.select(TENANT.asterisk(),
                        DSL.field(DSL.select(DSL.arrayAgg(TENANT_DOMAIN.HOST).orderBy(TENANT_DOMAIN.HOST))
                                .from(TENANT_DOMAIN).where(TENANT_DOMAIN.TENANT_ID.eq(TENANT.ID))).as("hosts"),
                        DSL.field(DSL.exists(DSL.selectOne().from(TENANT_LOGO).where(TENANT_LOGO.TENANT_ID.eq(TENANT.ID))))
                                .as("has_logo"))
                .from(TENANT).where(TENANT.ID.eq(id.value()))
                .fetchOptional(r -> {
                    var row = r.into(TENANT);
                    return new TenantProfile(TenantRepository.toTenant(row), row.getContactAddress(),
                            row.getContactPhone(), row.getContactEmail(), row.getOfficeHours(),
                            PortalModeration.parse(row.getPortalModeration()).orElse(PortalModeration.POST),
                            row.getPlatformMayEdit(), listOf(r.get("hosts", String[].class)),
                            Boolean.TRUE.equals(r.get("has_logo", Boolean.class)));
                });
    }

    void update(TenantId id, String name, TenantKind kind, String description, String contactAddress,
                String contactPhone, String contactEmail, String officeHours, int quotaMinPerWeek,
                PortalModeration moderation, boolean platformMayEdit) {
        db.update(TENANT)
                .set(TENANT.NAME, name)
                .set(TENANT.KIND, kind.dbValue())
                .set(TENANT.DESCRIPTION, description)
                .set(TENANT.CONTACT_ADDRESS, contactAddress)
                .set(TENANT.CONTACT_PHONE, contactPhone)
                .set(TENANT.CONTACT_EMAIL, contactEmail)
                .set(TENANT.OFFICE_HOURS, officeHours)
                .set(TENANT.QUOTA_MIN_PER_WEEK, quotaMinPerWeek)
                .set(TENANT.PORTAL_MODERATION, moderation.dbValue())
                .set(TENANT.PLATFORM_MAY_EDIT, platformMayEdit)
                .set(TENANT.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TENANT.ID.eq(id.value()))
                .execute();
    }

    /** The slug of the tenant holding this host name, if any. */
    Optional<String> hostOwner(String host) {
        return db.select(TENANT.SLUG).from(TENANT_DOMAIN).join(TENANT).on(TENANT.ID.eq(TENANT_DOMAIN.TENANT_ID))
                .where(TENANT_DOMAIN.HOST.eq(host)).fetchOptional(TENANT.SLUG);
    }

    void addHost(TenantId id, String host) {
        db.insertInto(TENANT_DOMAIN).set(TENANT_DOMAIN.TENANT_ID, id.value()).set(TENANT_DOMAIN.HOST, host).execute();
    }

    boolean removeHost(TenantId id, String host) {
        return db.deleteFrom(TENANT_DOMAIN).where(TENANT_DOMAIN.TENANT_ID.eq(id.value()))
                .and(TENANT_DOMAIN.HOST.eq(host)).execute() == 1;
    }

    void saveLogo(TenantId id, TenantLogo logo) {
        db.insertInto(TENANT_LOGO)
                .set(TENANT_LOGO.TENANT_ID, id.value())
                .set(TENANT_LOGO.CONTENT_TYPE, logo.contentType())
                .set(TENANT_LOGO.IMAGE, logo.image())
                .onConflict(TENANT_LOGO.TENANT_ID).doUpdate()
                .set(TENANT_LOGO.CONTENT_TYPE, logo.contentType())
                .set(TENANT_LOGO.IMAGE, logo.image())
                .set(TENANT_LOGO.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    Optional<TenantLogo> logo(TenantId id) {
        return db.select(TENANT_LOGO.CONTENT_TYPE, TENANT_LOGO.IMAGE).from(TENANT_LOGO)
                .where(TENANT_LOGO.TENANT_ID.eq(id.value()))
                .fetchOptional(r -> new TenantLogo(r.value1(), r.value2()));
    }

    boolean removeLogo(TenantId id) {
        return db.deleteFrom(TENANT_LOGO).where(TENANT_LOGO.TENANT_ID.eq(id.value())).execute() == 1;
    }

    /** Locks the tenant's row until the transaction ends, so two edits of it cannot interleave. */
    void lock(TenantId id) {
        db.selectOne().from(TENANT).where(TENANT.ID.eq(id.value())).forUpdate().execute();
    }

    private static List<String> listOf(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
