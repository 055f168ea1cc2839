package id.serambi.core.disposition;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.DISPOSITION;
import static id.serambi.core.jooq.public_.Tables.DISPOSITION_EVENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;

import id.serambi.core.account.UserId;
import id.serambi.core.jooq.public_.tables.records.DispositionRecord;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Disposition rows and their events. Tenant first, always. */
@Singleton
class DispositionRepository {
    private final DSLContext db;

    DispositionRepository(DSLContext db) {
        this.db = db;
    }

    long insert(TenantId tenant, String subject, String body, LocalDate dueOn, UserId sentBy, OffsetDateTime at) {
        return db.insertInto(DISPOSITION)
                .set(DISPOSITION.TENANT_ID, tenant.value())
                .set(DISPOSITION.SUBJECT, subject)
                .set(DISPOSITION.BODY, body)
                .set(DISPOSITION.DUE_ON, dueOn)
                .set(DISPOSITION.SENT_BY, sentBy.value())
                .set(DISPOSITION.SENT_AT, at)
                .returning(DISPOSITION.ID).fetchOne(DISPOSITION.ID);
    }

    void event(TenantId tenant, long disposition, String event, UserId actor, String note, OffsetDateTime at) {
        db.insertInto(DISPOSITION_EVENT)
                .set(DISPOSITION_EVENT.TENANT_ID, tenant.value())
                .set(DISPOSITION_EVENT.DISPOSITION_ID, disposition)
                .set(DISPOSITION_EVENT.EVENT, event)
                .set(DISPOSITION_EVENT.ACTOR_ID, actor == null ? null : actor.value())
                .set(DISPOSITION_EVENT.NOTE, note)
                .set(DISPOSITION_EVENT.AT, at)
                .execute();
    }

    /** Moves it to {@code state}, stamping {@code stampedAt}; the answer is set when given. */
    void move(TenantId tenant, long id, DispositionState state, TableField<DispositionRecord, OffsetDateTime> stamp,
              OffsetDateTime at, String answer) {
        var update = db.update(DISPOSITION).set(DISPOSITION.STATE, state.dbValue()).set(stamp, at);
        if (answer != null) {
            update = update.set(DISPOSITION.ANSWER, answer);
        }
        update.where(DISPOSITION.TENANT_ID.eq(tenant.value())).and(DISPOSITION.ID.eq(id)).execute();
    }

    Optional<Disposition> find(TenantId tenant, long id, LocalDate today, boolean forUpdate) {
        if (forUpdate) {
            db.select(DISPOSITION.ID).from(DISPOSITION).where(DISPOSITION.TENANT_ID.eq(tenant.value()))
                    .and(DISPOSITION.ID.eq(id)).forUpdate().fetch();
        }
        return list(DISPOSITION.TENANT_ID.eq(tenant.value()).and(DISPOSITION.ID.eq(id)), today, 1).stream().findFirst()
                .map(d -> withEvents(d));
    }

    List<Disposition> list(Condition where, LocalDate today, int limit) {
        return db.select(DISPOSITION.fields()).select(TENANT.SLUG, TENANT.NAME, APP_USER.DISPLAY_NAME)
                .from(DISPOSITION).join(TENANT).on(TENANT.ID.eq(DISPOSITION.TENANT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(DISPOSITION.SENT_BY))
                .where(where)
                .orderBy(DISPOSITION.SENT_AT.desc(), DISPOSITION.ID.desc())
                .limit(limit)
                .fetch(r -> toDisposition(r, today));
    }

    int countOverdue(Condition where, LocalDate today) {
        return db.fetchCount(DISPOSITION, where.and(DISPOSITION.STATE.in("sent", "acknowledged"))
                .and(DISPOSITION.DUE_ON.lt(today)));
    }

    private Disposition withEvents(Disposition d) {
        var events = db.select(DISPOSITION_EVENT.EVENT, APP_USER.DISPLAY_NAME, DISPOSITION_EVENT.NOTE, DISPOSITION_EVENT.AT)
                .from(DISPOSITION_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(DISPOSITION_EVENT.ACTOR_ID))
                .where(DISPOSITION_EVENT.TENANT_ID.eq(d.tenantId().value()))
                .and(DISPOSITION_EVENT.DISPOSITION_ID.eq(d.id()))
                .orderBy(DISPOSITION_EVENT.AT, DISPOSITION_EVENT.ID)
                .fetch(r -> new Disposition.Event(r.value1(), r.value2() == null ? "" : r.value2(), r.value3(), r.value4()));
        return new Disposition(d.id(), d.tenantId(), d.tenantSlug(), d.tenantName(), d.subject(), d.body(), d.dueOn(),
                d.state(), d.sentBy(), d.sentByName(), d.sentAt(), d.acknowledgedAt(), d.answeredAt(), d.answer(),
                d.closedAt(), d.overdue(), events);
    }

    private static Disposition toDisposition(Record r, LocalDate today) {
        DispositionRecord d = r.into(DISPOSITION);
        DispositionState state = DispositionState.fromDb(d.getState());
        return new Disposition(d.getId(), new TenantId(d.getTenantId()), r.get(TENANT.SLUG), r.get(TENANT.NAME),
                d.getSubject(), d.getBody(), d.getDueOn(), state, new UserId(d.getSentBy()), r.get(APP_USER.DISPLAY_NAME),
                d.getSentAt(), d.getAcknowledgedAt(), d.getAnsweredAt(), d.getAnswer(), d.getClosedAt(),
                state.open() && d.getDueOn().isBefore(today), List.of());
    }
}
