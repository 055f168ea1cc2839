package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.LOGIN_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.jooq.DSLContext;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Slows password guessing down, per account name and per client address, in the database so that every node
 * counts together. The first failures are free (typing mistakes); after that each failure doubles the wait,
 * up to {@link #MAX_DELAY}. The wait never grows beyond that, so an attacker can slow a real user down but
 * cannot lock them out; a success clears the account's count. Failures older than a day are forgotten.
 */
@Singleton
class LoginThrottle {
    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    // A whole office may sit behind one NAT address: its people mistype too, so the address gets more room.
    static final int FREE_FAILURES_PER_ADDRESS = 30;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";

    private final DSLContext db;
    private final Clock clock;

    LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** How long this name from this address must still wait before a password is even checked; zero if none. */
    Duration waitBefore(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration wait = Duration.ZERO;
        for (var row : db.selectFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.SCOPE.eq(ACCOUNT).and(LOGIN_THROTTLE.KEY.eq(accountKey(username)))
                        .or(LOGIN_THROTTLE.SCOPE.eq(ADDRESS).and(LOGIN_THROTTLE.KEY.eq(addressKey(address)))))
                .fetch()) {
            if (row.getLockedUntil() != null && row.getLockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, row.getLockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait;
    }

    /** Counted in a transaction of its own: the refusal that follows must not roll the count back. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void recordFailure(String username, String address) {
        count(ACCOUNT, accountKey(username), FREE_FAILURES_PER_ACCOUNT);
        count(ADDRESS, addressKey(address), FREE_FAILURES_PER_ADDRESS);
    }

    void recordSuccess(String username) {
        db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.SCOPE.eq(ACCOUNT))
                .and(LOGIN_THROTTLE.KEY.eq(accountKey(username))).execute();
    }

    /** The wait after the n-th failure: none for the free ones, then 1 s, 2 s, 4 s … up to the maximum. */
    static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void count(String scope, String key, int free) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int failures = db.insertInto(LOGIN_THROTTLE)
                .set(LOGIN_THROTTLE.SCOPE, scope)
                .set(LOGIN_THROTTLE.KEY, key)
                .set(LOGIN_THROTTLE.FAILURES, 1)
                .set(LOGIN_THROTTLE.LAST_FAILURE, now)
                .onConflict(LOGIN_THROTTLE.SCOPE, LOGIN_THROTTLE.KEY)
                .doUpdate()
                .set(LOGIN_THROTTLE.FAILURES, org.jooq.impl.DSL
                        .when(LOGIN_THROTTLE.LAST_FAILURE.lt(now.minus(FORGET_AFTER)), 1)
                        .otherwise(LOGIN_THROTTLE.FAILURES.plus(1)))
                .set(LOGIN_THROTTLE.LAST_FAILURE, now)
                .returning(LOGIN_THROTTLE.FAILURES)
                .fetchOne(LOGIN_THROTTLE.FAILURES);
        Duration delay = delayAfter(failures, free);
        if (!delay.isZero()) {
            db.update(LOGIN_THROTTLE).set(LOGIN_THROTTLE.LOCKED_UNTIL, now.plus(delay))
                    .where(LOGIN_THROTTLE.SCOPE.eq(scope)).and(LOGIN_THROTTLE.KEY.eq(key)).execute();
        }
    }

    private static String accountKey(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static String addressKey(String address) {
        return address == null ? "unknown" : address;
    }
}
