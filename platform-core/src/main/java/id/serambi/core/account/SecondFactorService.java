package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.RECOVERY_CODE;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;

import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The second factor at sign-in: a six-digit code from an authenticator app (RFC 6238), mandatory for
 * Kominfo's platform roles (admins, staff, coordinators) and for anyone who enrolled. Each code is good once;
 * guessing is throttled like passwords; ten single-use recovery codes stand in for a lost phone.
 */
@Singleton
public class SecondFactorService {
    public static final String ISSUER = "Serambi";
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final DSLContext db;
    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final Clock clock;

    SecondFactorService(DSLContext db, AccountService accounts, LoginThrottle throttle, AuditService audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether this person must pass a second factor to sign in: they enrolled, or hold a platform role, or a
     * role in an agency that requires it of its team.
     */
    @ReadOnly
    public boolean required(UserId user) {
        return enrolled(user) || accounts.grantsOf(user).stream().anyMatch(g -> g.isPlatform())
                || db.fetchExists(db.selectOne().from(MEMBERSHIP).join(TENANT).on(TENANT.ID.eq(MEMBERSHIP.TENANT_ID))
                        .where(MEMBERSHIP.USER_ID.eq(user.value())).and(TENANT.REQUIRE_SECOND_FACTOR.isTrue()));
    }

    @ReadOnly
    public boolean enrolled(UserId user) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(user.value()).and(APP_USER.TOTP_ENABLED_AT.isNotNull()));
    }

    /** The secret to show for enrolment: kept until confirmed, so reloading the page shows the same QR code. */
    @Transactional
    public String enrolmentSecret(Actor actor) {
        var row = db.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_ENABLED_AT).from(APP_USER)
                .where(APP_USER.ID.eq(actor.userId().value())).fetchSingle();
        if (row.value2() != null) {
            throw new IllegalStateException("already enrolled");
        }
        if (row.value1() != null) {
            return row.value1();
        }
        String secret = Totp.newSecret();
        db.update(APP_USER).set(APP_USER.TOTP_SECRET, secret).where(APP_USER.ID.eq(actor.userId().value())).execute();
        return secret;
    }

    /** Confirms enrolment with a code from the app; returns the recovery codes, which are shown this once. */
    @Transactional
    public List<String> confirmEnrolment(Actor actor, String code) {
        check(actor, code, false);
        db.update(APP_USER).set(APP_USER.TOTP_ENABLED_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(actor.userId().value())).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = randomRecoveryCode();
            codes.add(recovery);
            db.insertInto(RECOVERY_CODE).set(RECOVERY_CODE.USER_ID, actor.userId().value())
                    .set(RECOVERY_CODE.CODE_HASH, sha256(normalise(recovery))).execute();
        }
        audit.record(actor, null, "auth.second_factor_enrolled", "app_user", actor.username(), Map.of());
        return codes;
    }

    /**
     * Checks a code from the app, or one of the recovery codes (used up by this), at sign-in. Throws
     * {@link InvalidInputException} on field "code" when it is wrong, reused, or after too many tries.
     */
    @Transactional
    public void verify(Actor actor, String code) {
        check(actor, code, true);
        audit.record(actor, null, "auth.second_factor_passed", "app_user", actor.username(), Map.of());
    }

    private void check(Actor actor, String code, boolean allowRecovery) {
        String key = "2fa:" + actor.username();
        Duration wait = throttle.waitBefore(key, actor.clientIp());
        if (!wait.isZero()) {
            throw new InvalidInputException(FieldError.of("code", "validation.code.throttled",
                    Math.max(1, (wait.toMillis() + 999) / 1000)));
        }
        String given = code == null ? "" : code.replace(" ", "").trim();
        if (given.matches("\\d{6}") && totpMatches(actor.userId(), given)) {
            return;
        }
        if (allowRecovery && useRecoveryCode(actor.userId(), given)) {
            audit.record(actor, null, "auth.recovery_code_used", "app_user", actor.username(), Map.of());
            return;
        }
        throttle.recordFailure(key, actor.clientIp());
        audit.recordRefusal(actor, null, "auth.second_factor_failed", "app_user", actor.username(), Map.of());
        throw new InvalidInputException(FieldError.of("code", "validation.code.wrong"));
    }

    // One step either side allows for a phone's clock being a little off; a step once used is spent. The row
    // lock is FOR NO KEY UPDATE so that the refusal's audit entry (a new transaction whose foreign key to
    // app_user takes a key-share lock) can still be written while this transaction holds it.
    private boolean totpMatches(UserId user, String code) {
        var row = db.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_LAST_STEP).from(APP_USER)
                .where(APP_USER.ID.eq(user.value())).forNoKeyUpdate().fetchSingle();
        if (row.value1() == null) {
            return false;
        }
        long now = Totp.step(clock.instant());
        long lastUsed = row.value2() == null ? Long.MIN_VALUE : row.value2();
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastUsed && MessageDigest.isEqual(Totp.code(row.value1(), step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                db.update(APP_USER).set(APP_USER.TOTP_LAST_STEP, step).where(APP_USER.ID.eq(user.value())).execute();
                return true;
            }
        }
        return false;
    }

    private boolean useRecoveryCode(UserId user, String code) {
        if (code.length() < 8) {
            return false;
        }
        return db.update(RECOVERY_CODE).set(RECOVERY_CODE.USED_AT, OffsetDateTime.now(clock))
                .where(RECOVERY_CODE.USER_ID.eq(user.value()))
                .and(RECOVERY_CODE.CODE_HASH.eq(sha256(normalise(code))))
                .and(RECOVERY_CODE.USED_AT.isNull())
                .execute() == 1;
    }

    // "abcd-efgh-jkmn": 60 bits from an alphabet without look-alikes (no 0/o, 1/l/i).
    private static String randomRecoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
