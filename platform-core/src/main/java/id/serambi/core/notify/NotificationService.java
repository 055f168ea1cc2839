package id.serambi.core.notify;

import static id.serambi.core.jooq.public_.Tables.NOTIFICATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;

import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * In-app notifications. Features call {@link #send} in the transaction of the change that causes them, so a
 * notification exists exactly when the change was committed. A dedupe key (e.g. "quota.reminder:42:2026-W47")
 * makes sending twice a no-op for that person: jobs that restart never notify twice.
 */
@Singleton
public class NotificationService {
    private final DSLContext db;
    private final Clock clock;

    NotificationService(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Notifies each recipient once per dedupe key; returns the people newly notified (so the caller can mail
     * exactly those). {@code link} is a console path beginning with "/"; {@code dedupeKey} may be null.
     */
    @Transactional
    public List<UserId> send(Collection<UserId> recipients, TenantId tenant, String kind, String messageKey,
                             List<String> args, String link, String dedupeKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return recipients.stream().distinct().filter(user -> db.insertInto(NOTIFICATION)
                        .set(NOTIFICATION.USER_ID, user.value())
                        .set(NOTIFICATION.TENANT_ID, tenant == null ? null : tenant.value())
                        .set(NOTIFICATION.KIND, kind)
                        .set(NOTIFICATION.MESSAGE_KEY, messageKey)
                        .set(NOTIFICATION.MESSAGE_ARGS, args.toArray(String[]::new))
                        .set(NOTIFICATION.LINK, link)
                        .set(NOTIFICATION.DEDUPE_KEY, dedupeKey)
                        .set(NOTIFICATION.CREATED_AT, now)
                        .onConflictDoNothing()
                        .execute() == 1)
                .toList();
    }

    /** A person's newest notifications, unread first. */
    @ReadOnly
    public List<Notification> recent(UserId user, int limit) {
        return db.selectFrom(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(user.value()))
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(r -> new Notification(r.getId(), r.getTenantId(), r.getKind(), r.getMessageKey(),
                        List.of(r.getMessageArgs()), r.getLink(), r.getCreatedAt(), r.getReadAt()));
    }

    @ReadOnly
    public int unreadCount(UserId user) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(user.value()).and(NOTIFICATION.READ_AT.isNull()));
    }

    /** Marks all of a person's notifications read (only their own: the user id is part of the condition). */
    @Transactional
    public void markAllRead(UserId user) {
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATION.USER_ID.eq(user.value()).and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }
}
