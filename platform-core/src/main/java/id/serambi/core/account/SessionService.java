package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.USER_SESSION;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.NotFoundException;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Revocable sign-in sessions, ended after 30 minutes without use or 12 hours in all (both configurable:
 * serambi.session.idle-timeout, serambi.session.lifetime). The browser (cookie) or API client (bearer) holds a random token; the
 * database holds only its SHA-256, so ending a session in the database ends it everywhere at once.
 */
@Singleton
public class SessionService {
    // Writing last_seen_at on every request would turn each page view into a write; once a minute is enough.
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;

    SessionService(DSLContext db, AccountService accounts, AuditService audit, Clock clock,
                   @Value("${serambi.session.idle-timeout:30m}") Duration idleTimeout,
                   @Value("${serambi.session.lifetime:12h}") Duration lifetime) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
    }

    /** The longest a session lives, however active. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for a person who has just proved who they are, and returns its token. */
    @Transactional
    public String open(Account account, String clientIp, String userAgent) {
        return open(account, clientIp, userAgent, false);
    }

    /**
     * Opens a session; with {@code secondFactorPending} it only reaches the second-factor pages until
     * {@link #completeSecondFactor} is called for it.
     */
    @Transactional
    public String open(Account account, String clientIp, String userAgent, boolean secondFactorPending) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(USER_SESSION)
                .set(USER_SESSION.USER_ID, account.id().value())
                .set(USER_SESSION.TOKEN_HASH, hash(token))
                .set(USER_SESSION.CREATED_AT, now)
                .set(USER_SESSION.LAST_SEEN_AT, now)
                .set(USER_SESSION.EXPIRES_AT, now.plus(lifetime))
                .set(USER_SESSION.SECOND_FACTOR_PENDING, secondFactorPending)
                .set(USER_SESSION.CLIENT_IP, clientIp)
                .set(USER_SESSION.USER_AGENT, userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500))
                .execute();
        return token;
    }

    /** The person acting with this token, with their current roles, if the session is alive. */
    @Transactional
    public Optional<Actor> actorFor(String token, String clientIp, String userAgent) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var row = db.select(USER_SESSION.ID, USER_SESSION.LAST_SEEN_AT, APP_USER.ID, APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME, APP_USER.MUST_CHANGE_PASSWORD, USER_SESSION.SECOND_FACTOR_PENDING)
                .from(USER_SESSION)
                .join(APP_USER).on(APP_USER.ID.eq(USER_SESSION.USER_ID))
                .where(USER_SESSION.TOKEN_HASH.eq(hash(token)))
                .and(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.EXPIRES_AT.gt(now))
                .and(USER_SESSION.LAST_SEEN_AT.gt(now.minus(idleTimeout)))
                .and(APP_USER.STATUS.eq("active"))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        if (r.value2().plus(TOUCH_INTERVAL).isBefore(now)) {
            db.update(USER_SESSION).set(USER_SESSION.LAST_SEEN_AT, now).where(USER_SESSION.ID.eq(r.value1())).execute();
        }
        UserId userId = new UserId(r.value3());
        boolean pending = r.value7();
        // Halfway through signing in, a session holds no roles at all: it can do nothing but finish.
        return Optional.of(new Actor(userId, r.value4(), r.value5(), pending ? List.of() : accounts.grantsOf(userId),
                clientIp, userAgent, r.value6(), pending));
    }

    /** Marks the session of this token as having passed the second factor. */
    @Transactional
    public void completeSecondFactor(String token) {
        db.update(USER_SESSION).set(USER_SESSION.SECOND_FACTOR_PENDING, false)
                .where(USER_SESSION.TOKEN_HASH.eq(hash(token))).execute();
    }

    /** Ends the session of this token (sign-out). */
    @Transactional
    public void close(Actor actor, String token) {
        int ended = db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, OffsetDateTime.now(clock))
                .where(USER_SESSION.TOKEN_HASH.eq(hash(token))).and(USER_SESSION.REVOKED_AT.isNull())
                .execute();
        if (ended > 0) {
            audit.record(actor, null, "auth.logout", "app_user", actor.username(), Map.of());
        }
    }

    /** The person's live sessions, newest first; the one of {@code currentToken} is marked. */
    @ReadOnly
    public List<SessionInfo> liveSessions(Actor actor, String currentToken) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        byte[] current = currentToken == null ? new byte[0] : hash(currentToken);
        return db.selectFrom(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(actor.userId().value()))
                .and(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.EXPIRES_AT.gt(now))
                .and(USER_SESSION.LAST_SEEN_AT.gt(now.minus(idleTimeout)))
                .orderBy(USER_SESSION.LAST_SEEN_AT.desc())
                .fetch(r -> new SessionInfo(r.getId(), r.getCreatedAt(), r.getLastSeenAt(), r.getClientIp(),
                        r.getUserAgent(), java.util.Arrays.equals(r.getTokenHash(), current)));
    }

    /** Ends one of the person's own sessions (e.g. a browser left signed in at the office). */
    @Transactional
    public void endOwn(Actor actor, long sessionId) {
        int ended = db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, OffsetDateTime.now(clock))
                .where(USER_SESSION.ID.eq(sessionId))
                .and(USER_SESSION.USER_ID.eq(actor.userId().value()))
                .and(USER_SESSION.REVOKED_AT.isNull())
                .execute();
        if (ended == 0) {
            throw new NotFoundException("session " + sessionId);
        }
        audit.record(actor, null, "auth.session_ended", "user_session", String.valueOf(sessionId), Map.of());
    }

    /**
     * Ends every live session of a person at once (a role was taken away, the account was disabled): their
     * next request is signed out. Returns how many ended; the caller audits the act that caused it.
     */
    @Transactional
    public int endAllOf(UserId user) {
        return db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, OffsetDateTime.now(clock))
                .where(USER_SESSION.USER_ID.eq(user.value()))
                .and(USER_SESSION.REVOKED_AT.isNull())
                .execute();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
