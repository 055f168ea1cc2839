package id.serambi.core.mail;

import static id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

@Singleton
class OutboxRepository {
    private final DSLContext db;

    OutboxRepository(DSLContext db) {
        this.db = db;
    }

    long insert(Long tenantId, String purpose, String recipient, String subject, String body, OffsetDateTime now) {
        return db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.TENANT_ID, tenantId)
                .set(MAIL_OUTBOX.PURPOSE, purpose)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY_TEXT, body)
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .returning(MAIL_OUTBOX.ID)
                .fetchOne(MAIL_OUTBOX.ID);
    }

    /**
     * Claims up to {@code limit} due messages: the rows are locked (other nodes skip them), and their next
     * attempt is moved past {@code leaseUntil} before the lock is released, so that no other node sends them
     * meanwhile and a node that dies mid-send leaves them to be tried again once the lease runs out.
     */
    @Transactional
    List<PendingMail> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<PendingMail> due = db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT,
                        MAIL_OUTBOX.BODY_TEXT, MAIL_OUTBOX.ATTEMPTS)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull()).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new PendingMail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        if (!due.isEmpty()) {
            db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, leaseUntil)
                    .where(MAIL_OUTBOX.ID.in(due.stream().map(PendingMail::id).toList())).execute();
        }
        return due;
    }

    @Transactional
    void markSent(long id, OffsetDateTime at) {
        // The body may hold a one-time link: once delivered it has no business staying in the database.
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.SENT_AT, at).set(MAIL_OUTBOX.BODY_TEXT, "")
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1)).set(MAIL_OUTBOX.LAST_ERROR, (String) null)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    @Transactional
    void markFailed(long id, String error, OffsetDateTime nextAttempt) {
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.LAST_ERROR, error).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttempt)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    record PendingMail(long id, String recipient, String subject, String body, int attempts) {
    }
}
