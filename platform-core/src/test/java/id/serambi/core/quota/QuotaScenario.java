package id.serambi.core.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import jakarta.inject.Inject;

/** A district at a chosen moment in a chosen zone: tenants active since a time, posts first published at a time. */
public abstract class QuotaScenario extends DatabaseTest {
    @Inject protected TestClock clock;
    @Inject protected TenantService tenants;

    /** The portal's zone for this class. */
    protected abstract String zone();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("serambi.test-clock", "true");
        properties.put("serambi.time-zone", zone());
        properties.put("serambi.quota.reminder-delay", "1h");
        return properties;
    }

    protected ZoneId portalZone() {
        return ZoneId.of(zone());
    }

    protected Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(portalZone()).toInstant();
    }

    protected void now(String localDateTime) {
        clock.advance(Duration.between(clock.instant(), local(localDateTime)));
    }

    /** A tenant (with admin "admin-slug") that has been active since the given local time. */
    protected Tenant tenant(String slug, String activeSinceLocal) {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, slug, "Dinas " + slug);
        OffsetDateTime since = local(activeSinceLocal).atOffset(ZoneOffset.UTC);
        sql("update tenant set created_at = ?::timestamptz where id = ?", since, tenant.id().value());
        sql("update tenant_status_history set since = ?::timestamptz where tenant_id = ?", since, tenant.id().value());
        return tenant;
    }

    /** The tenant's status changed at the given local time (as the trigger records a real change). */
    protected void statusChange(Tenant tenant, String status, String atLocal) {
        sql("insert into tenant_status_history (tenant_id, status, since) values (?, ?, ?::timestamptz)", tenant.id().value(), status,
                local(atLocal).atOffset(ZoneOffset.UTC));
    }

    protected long post(Tenant tenant, String kind, String firstPublishedLocal) {
        return post(tenant, kind, firstPublishedLocal, "visible");
    }

    protected long post(Tenant tenant, String kind, String firstPublishedLocal, String portalState) {
        OffsetDateTime at = local(firstPublishedLocal).atOffset(ZoneOffset.UTC);
        return DirectSql.query(database, db -> db.resultQuery("""
                        insert into post (tenant_id, kind, status, title, slug, first_published_at, published_at,
                                          display_date, portal_state)
                        values (?, ?, 'published', ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?) returning id""",
                        tenant.id().value(), kind, "Berita " + firstPublishedLocal,
                        "p-" + System.nanoTime(), at, at, at, portalState).fetchSingle().get(0, Long.class));
    }

    protected void sql(String statement, Object... binds) {
        DirectSql.query(database, db -> db.execute(statement, binds));
    }
}
