package id.serambi.core.quota;

import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/**
 * The twice-weekly publishing quota. A post counts in the week of its first publication (so back-dating its
 * display date moves nothing), whatever became of it later, unless moderation removed it.
 */
@Singleton
public class QuotaService {
    /** The kinds that count toward the quota. */
    static final List<String> COUNTED_KINDS = List.of("news", "announcement");

    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone;

    QuotaService(DSLContext db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    public QuotaWeek currentWeek() {
        return QuotaWeek.containing(clock.instant(), zone);
    }

    /** The tenant's progress in the current week. */
    @ReadOnly
    public WeekProgress thisWeek(TenantId tenant) {
        return progress(tenant, currentWeek());
    }

    /**
     * The condition on {@code post} rows that count toward the quota of {@code week}: the one definition,
     * also used by queries that count many tenants at once (the tenants list).
     */
    public Condition countsIn(QuotaWeek week) {
        return POST.KIND.in(COUNTED_KINDS)
                .and(POST.FIRST_PUBLISHED_AT.ge(week.start().toOffsetDateTime()))
                .and(POST.FIRST_PUBLISHED_AT.lt(week.end().toOffsetDateTime()))
                .and(POST.PORTAL_STATE.ne("removed"))
                // Deleted by moderation: gone from every public page, so it no longer counts either.
                .and(POST.DELETED_AT.isNull());
    }

    @ReadOnly
    public WeekProgress progress(TenantId tenant, QuotaWeek week) {
        int published = db.fetchCount(POST, POST.TENANT_ID.eq(tenant.value()).and(countsIn(week)));
        int minimum = db.select(TENANT.QUOTA_MIN_PER_WEEK).from(TENANT).where(TENANT.ID.eq(tenant.value()))
                .fetchSingle(TENANT.QUOTA_MIN_PER_WEEK);
        return new WeekProgress(week, published, minimum);
    }
}
