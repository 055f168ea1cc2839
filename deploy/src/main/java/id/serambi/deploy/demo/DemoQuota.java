package id.serambi.deploy.demo;

import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static id.serambi.core.jooq.public_.Tables.TENANT_STATUS_HISTORY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record2;

import id.serambi.core.access.Actor;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.quota.QuotaWeek;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The quota heatmap's demo (/admin/kuota): the agencies have been active since before the back-dated history
 * (else every past week would read "not active"), a district-wide exemption for a past week, and in the last
 * finished weeks one agency that met its quota, one that partly met it and one that missed it twice (which the
 * escalation then reports). The weeks in between keep the random history's mix.
 */
@Singleton
@Requires(env = "demo")
class DemoQuota {
    static final String EXEMPTION_REASON = "Cuti bersama Idulfitri";
    static final String MEETS = "diskominfo";
    static final String PARTLY = "distan";
    static final String MISSES = "bkpsdm";
    private static final Actor DEMO = Actor.system("demo");

    private final DSLContext db;
    private final QuotaService quota;
    private final Clock clock;
    private final ZoneId zone;

    DemoQuota(DSLContext db, QuotaService quota, Clock clock, ZoneId zone) {
        this.db = db;
        this.quota = quota;
        this.clock = clock;
        this.zone = zone;
    }

    /** Runs inside the district's seeding transaction, after the back-dated posts are in. */
    void seed() {
        QuotaWeek current = QuotaWeek.containing(clock.instant(), zone);
        QuotaWeek lastWeek = current.previous();
        QuotaWeek twoAgo = lastWeek.previous();
        QuotaWeek exempted = twoAgo.previous();
        QuotaWeek oldest = current;
        for (int i = 0; i < DemoDistrict.WEEKS - 1; i++) {
            oldest = oldest.previous();
        }

        OffsetDateTime since = oldest.start().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        db.update(TENANT).set(TENANT.CREATED_AT, since).execute();
        // The history is append-only for the app: an earlier 'active' row makes the back-dated weeks count.
        db.insertInto(TENANT_STATUS_HISTORY, TENANT_STATUS_HISTORY.TENANT_ID, TENANT_STATUS_HISTORY.STATUS,
                        TENANT_STATUS_HISTORY.SINCE)
                .select(db.select(TENANT.ID, TENANT.STATUS, org.jooq.impl.DSL.val(since)).from(TENANT)
                        .where(TENANT.STATUS.eq("active")))
                .execute();

        quota.addExemption(DEMO, null, exempted.firstDay().toString(), exempted.lastDay().toString(), EXEMPTION_REASON);

        // Missed twice: its posts of the last two weeks move to its oldest week.
        moveAll(MISSES, lastWeek, oldest, 0);
        moveAll(MISSES, twoAgo, oldest, 0);
        // Partly met: one post stays in the last week.
        moveAll(PARTLY, lastWeek, oldest, 1);
        // Met: posts from its oldest week move into the last week until it has its minimum.
        int minimum = db.select(TENANT.QUOTA_MIN_PER_WEEK).from(TENANT).where(TENANT.SLUG.eq(MEETS)).fetchSingle().value1();
        List<Long> have = postsIn(MEETS, lastWeek).stream().map(Record2::value1).toList();
        List<Long> spare = postsIn(MEETS, oldest).stream().map(Record2::value1).toList();
        for (int i = 0; i < minimum - have.size() && i < spare.size(); i++) {
            move(spare.get(i), lastWeek.start().plusDays(1).plusHours(9 + i));
        }
    }

    private void moveAll(String slug, QuotaWeek from, QuotaWeek to, int keep) {
        var ids = postsIn(slug, from);
        for (int i = keep; i < ids.size(); i++) {
            move(ids.get(i).value1(), to.start().plusDays(2).plusHours(10 + i));
        }
    }

    private List<Record2<Long, OffsetDateTime>> postsIn(String slug, QuotaWeek week) {
        return db.select(POST.ID, POST.FIRST_PUBLISHED_AT).from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(TENANT.SLUG.eq(slug))
                .and(POST.FIRST_PUBLISHED_AT.ge(week.start().toOffsetDateTime()))
                .and(POST.FIRST_PUBLISHED_AT.lt(week.end().toOffsetDateTime()))
                .orderBy(POST.FIRST_PUBLISHED_AT, POST.ID).fetch();
    }

    private void move(long postId, java.time.ZonedDateTime at) {
        OffsetDateTime when = at.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        db.update(POST).set(POST.FIRST_PUBLISHED_AT, when).set(POST.PUBLISHED_AT, when).set(POST.CREATED_AT, when)
                .set(POST.UPDATED_AT, when).where(POST.ID.eq(postId)).execute();
    }
}
