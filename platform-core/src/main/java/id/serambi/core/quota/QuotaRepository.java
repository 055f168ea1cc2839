package id.serambi.core.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;

import id.serambi.core.account.UserId;
import jakarta.inject.Singleton;

/** The quota's SQL: the whole heatmap in one query, exemptions, and who gets told. */
@Singleton
class QuotaRepository {
    /**
     * Tenants × weeks in one statement, set-based (no per-cell subqueries): generate_series gives the weeks
     * (portal-local Mondays), the posts are counted once per tenant and local week (first publication, counted
     * kinds, not removed or deleted) and left-joined; exemptions are expanded to the weeks they overlap
     * (district-wide and per tenant, the oldest first); a tenant is inactive in a week that overlaps a period of
     * another status than 'active' (from its status history) or that began before the tenant existed.
     */
    private static final String HEATMAP = """
            with p as (select ?::date as first_monday, ?::date as last_monday, ?::text as zone, ?::text[] as kinds,
                              ?::bigint as only_tenant),
            weeks as (
                select gs::date as week_start,
                       (gs::date::timestamp at time zone p.zone) as starts,
                       ((gs::date + 7)::timestamp at time zone p.zone) as ends
                from p, generate_series(p.first_monday, p.last_monday, interval '7 days') gs
            ),
            tenants as (
                select t.* from tenant t, p
                where t.status <> 'provisioning' and (p.only_tenant is null or t.id = p.only_tenant)
            ),
            counts as (
                select po.tenant_id, date_trunc('week', po.first_published_at at time zone p.zone)::date as week_start,
                       count(*) as n
                from post po, p
                where po.first_published_at >= (p.first_monday::timestamp at time zone p.zone)
                  and po.first_published_at < ((p.last_monday + 7)::timestamp at time zone p.zone)
                  and po.kind = any(p.kinds) and po.portal_state <> 'removed' and po.deleted_at is null
                  and (p.only_tenant is null or po.tenant_id = p.only_tenant)
                group by 1, 2
            ),
            last_post as (
                select po.tenant_id, max(po.first_published_at) as at
                from post po, p
                where po.first_published_at is not null and po.kind = any(p.kinds) and po.portal_state <> 'removed'
                  and po.deleted_at is null and (p.only_tenant is null or po.tenant_id = p.only_tenant)
                group by 1
            ),
            exempt_weeks as (
                select distinct on (coalesce(e.tenant_id, 0), w.week_start) e.tenant_id, w.week_start, e.reason
                from quota_exemption e join weeks w on e.first_day <= w.week_start + 6 and e.last_day >= w.week_start
                where e.withdrawn_at is null
                order by coalesce(e.tenant_id, 0), w.week_start, e.id
            ),
            periods as (
                select h.tenant_id, h.status, h.since,
                       coalesce(lead(h.since) over (partition by h.tenant_id order by h.since, h.id), 'infinity') as until
                from tenant_status_history h join tenants t on t.id = h.tenant_id
            ),
            inactive_weeks as (
                select distinct pe.tenant_id, w.week_start
                from periods pe join weeks w on pe.since < w.ends and pe.until > w.starts
                where pe.status <> 'active'
                union
                select f.tenant_id, w.week_start
                from (select tenant_id, min(since) as first from periods group by 1) f join weeks w on f.first > w.starts
            )
            select t.id, t.slug, t.name, t.status, t.quota_min_per_week, w.week_start, coalesce(c.n, 0) as published,
                   lp.at as last_post, coalesce(dx.reason, tx.reason) as exempt_reason,
                   iw.tenant_id is not null as inactive
            from tenants t
            cross join weeks w
            left join counts c on c.tenant_id = t.id and c.week_start = w.week_start
            left join last_post lp on lp.tenant_id = t.id
            left join exempt_weeks dx on dx.tenant_id is null and dx.week_start = w.week_start
            left join exempt_weeks tx on tx.tenant_id = t.id and tx.week_start = w.week_start
            left join inactive_weeks iw on iw.tenant_id = t.id and iw.week_start = w.week_start
            order by t.id, w.week_start
            """;

    /** One heatmap cell as stored. */
    record Cell(long tenantId, String slug, String name, String status, int minimum, LocalDate weekStart,
                int published, OffsetDateTime lastPost, String exemptReason, boolean inactive) {
    }

    private final DSLContext db;

    QuotaRepository(DSLContext db) {
        this.db = db;
    }

    List<Cell> heatmap(LocalDate firstMonday, LocalDate lastMonday, ZoneId zone, List<String> kinds, Long onlyTenant) {
        List<Cell> cells = new ArrayList<>();
        for (Record r : db.resultQuery(HEATMAP, firstMonday, lastMonday, zone.getId(), kinds.toArray(String[]::new), onlyTenant)) {
            cells.add(new Cell(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                    r.get(3, String.class), r.get(4, Integer.class), r.get(5, LocalDate.class), r.get(6, Integer.class),
                    r.get(7, OffsetDateTime.class), r.get(8, String.class), Boolean.TRUE.equals(r.get(9, Boolean.class))));
        }
        return cells;
    }

    List<PostInWeek> postsIn(long tenantId, QuotaWeek week, List<String> kinds) {
        return db.resultQuery("""
                        select id, title, kind, source, first_published_at,
                               (portal_state <> 'removed' and deleted_at is null) as counted
                        from post
                        where tenant_id = ? and first_published_at >= ?::timestamptz and first_published_at < ?::timestamptz and kind = any(?::text[])
                        order by first_published_at, id""",
                        tenantId, week.start().toOffsetDateTime(), week.end().toOffsetDateTime(), kinds.toArray(String[]::new))
                .fetch(r -> new PostInWeek(r.get("id", Long.class), r.get("title", String.class), r.get("kind", String.class),
                        r.get("source", String.class), r.get("first_published_at", OffsetDateTime.class),
                        Boolean.TRUE.equals(r.get("counted", Boolean.class))));
    }

    long addExemption(Long tenantId, LocalDate first, LocalDate last, String reason, UserId by, OffsetDateTime at) {
        return db.resultQuery("""
                        insert into quota_exemption (tenant_id, first_day, last_day, reason, created_by, created_at)
                        values (?, ?::date, ?::date, ?, ?, ?::timestamptz) returning id""",
                        tenantId, first, last, reason, by == null ? null : by.value(), at)
                .fetchSingle().get(0, Long.class);
    }

    /** The exemption's tenant id (0 for district-wide) when it existed and was still in force. */
    java.util.Optional<Long> withdrawExemption(long id, UserId by, OffsetDateTime at) {
        return db.resultQuery("""
                        update quota_exemption set withdrawn_at = ?::timestamptz, withdrawn_by = ?
                        where id = ? and withdrawn_at is null returning coalesce(tenant_id, 0)""",
                        at, by == null ? null : by.value(), id)
                .fetchOptional().map(r -> r.get(0, Long.class));
    }

    List<QuotaExemption> exemptions(LocalDate from) {
        return db.resultQuery("""
                        select e.id, t.slug, t.name, e.first_day, e.last_day, e.reason, u.display_name, e.created_at
                        from quota_exemption e
                        left join tenant t on t.id = e.tenant_id
                        left join app_user u on u.id = e.created_by
                        where e.withdrawn_at is null and e.last_day >= ?::date
                        order by e.first_day, e.id""", from)
                .fetch(r -> new QuotaExemption(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, LocalDate.class), r.get(4, LocalDate.class), r.get(5, String.class),
                        r.get(6, String.class), r.get(7, OffsetDateTime.class)));
    }

    java.util.Optional<Long> tenantIdOf(String slug) {
        return db.resultQuery("select id from tenant where slug = ?", slug).fetchOptional().map(r -> r.get(0, Long.class));
    }

    /** Active people holding one of the roles (in the tenant, or platform-wide when {@code tenantId} is null). */
    List<Recipient> people(Long tenantId, List<String> roles) {
        return db.resultQuery("""
                        select distinct u.id, u.email from membership m join app_user u on u.id = m.user_id
                        where u.status = 'active' and m.role = any(?::text[])
                          and (m.tenant_id = ?::bigint or (?::bigint is null and m.tenant_id is null))
                        order by u.id""", roles.toArray(String[]::new), tenantId, tenantId)
                .fetch(r -> new Recipient(new UserId(r.get(0, Long.class)), r.get(1, String.class)));
    }

    /** Serialises the reminder runs of all nodes for this transaction: the second waits, then finds all sent. */
    void lockReminders() {
        db.resultQuery("select pg_advisory_xact_lock(7172026)").fetch();
    }

    record Recipient(UserId user, String email) {
    }
}
