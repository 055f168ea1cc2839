package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.ONE_TIME_TOKEN;
import static id.serambi.core.jooq.public_.Tables.PASSWORD_RESET_REQUEST;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.i18n.Messages;
import id.serambi.core.jooq.public_.tables.records.AppUserRecord;
import id.serambi.core.mail.MailService;
import id.serambi.core.mail.MailSettings;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Credentials without anyone but their owner knowing the password: accounts are created without one, and a
 * one-time link (activation, 72 hours; password reset, 30 minutes) lets the person choose it. Only the link's
 * SHA-256 is stored; a new link replaces the older ones of the same kind, and a link is good once.
 */
@Singleton
public class CredentialService {
    public static final String ACTIVATION = "activation";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String ACTIVATION_PATH = "/admin/aktivasi/";
    public static final String RESET_PATH = "/admin/atur-ulang/";
    static final int RESETS_PER_ACCOUNT_PER_HOUR = 3;
    static final int RESETS_PER_ADDRESS_PER_HOUR = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final AccountRepository accounts;
    private final AccountService accountService;
    private final PasswordHasher hasher;
    private final AuditService audit;
    private final MailService mail;
    private final MailSettings mailSettings;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration activationValidity;
    private final Duration resetValidity;

    CredentialService(DSLContext db, AccountRepository accounts, AccountService accountService, PasswordHasher hasher,
                      AuditService audit,
                      MailService mail, MailSettings mailSettings, Clock clock, ZoneId zone,
                      @Value("${serambi.credentials.activation-validity:72h}") Duration activationValidity,
                      @Value("${serambi.credentials.reset-validity:30m}") Duration resetValidity) {
        this.db = db;
        this.accounts = accounts;
        this.accountService = accountService;
        this.hasher = hasher;
        this.audit = audit;
        this.mail = mail;
        this.mailSettings = mailSettings;
        this.clock = clock;
        this.zone = zone;
        this.activationValidity = activationValidity;
        this.resetValidity = resetValidity;
    }

    /**
     * Adds the problems of a new person to {@code validator} (field names carry {@code prefix}). An email is
     * required when the activation link is to be mailed.
     */
    @ReadOnly
    public void validateNewPerson(String prefix, NewPerson person, boolean emailRequired, Validator validator) {
        accountService.validateIdentity(prefix, person.username(), person.displayName(), person.email(), emailRequired,
                validator);
    }

    /**
     * The seam for every "add a person" feature (designation, team management): creates an account with no
     * password holding {@code role} in {@code tenant}, and issues its activation link, mailed or returned for
     * printing. The caller has checked the actor's right and validated with {@link #validateNewPerson}; all of
     * it happens in the caller's transaction.
     */
    @Transactional
    public ActivationLink invite(Actor actor, TenantId tenant, String tenantName, NewPerson person, Role role, Delivery delivery) {
        if (role.isPlatform() != (tenant == null)) {
            throw new IllegalArgumentException(role + " with tenant " + tenant);
        }
        Validator validator = new Validator();
        validateNewPerson("", person, delivery == Delivery.EMAIL, validator);
        validator.check();
        String username = AccountService.normaliseUsername(person.username());
        UserId id = accounts.insert(username, person.displayName().trim(), blankToNull(person.email()), null, false);
        accounts.addMembership(id, tenant, role);
        audit.record(actor, tenant, "account.create", "app_user", username,
                Map.of("role", role.dbValue(), "password", "none: chosen by the person through an activation link"));
        return issueActivation(actor, tenant, tenantName, id, delivery);
    }

    /**
     * Issues a new activation link for a person (older unused ones stop working) and mails it or returns it
     * for printing. Also serves an account that already has a password: the link then replaces it.
     */
    @Transactional
    public ActivationLink issueActivation(Actor actor, TenantId tenant, String tenantName, UserId user, Delivery delivery) {
        AppUserRecord person = accounts.findRecord(user).orElseThrow(() -> new NotFoundException("user " + user));
        if (delivery == Delivery.EMAIL && person.getEmail() == null) {
            throw new id.serambi.core.support.InvalidInputException(FieldError.of("email", "validation.email.required_for_mail"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        revokeOpen(user, ACTIVATION, now);
        String token = newToken(user, ACTIVATION, now, now.plus(activationValidity));
        String url = mailSettings.consoleBaseUrl() + ACTIVATION_PATH + token;
        OffsetDateTime expires = now.plus(activationValidity);
        if (delivery == Delivery.EMAIL) {
            mail.enqueue(tenant, "activation", person.getEmail(), Messages.INDONESIAN, person.getDisplayName(),
                    tenantName == null ? "Serambi" : tenantName, url, format(expires), person.getUsername());
        }
        audit.record(actor, tenant, "account.activation_issued", "app_user", person.getUsername(),
                Map.of("delivery", delivery.dbValue(), "expires_at", expires.toString()));
        return new ActivationLink(user, person.getUsername(), url, expires, delivery == Delivery.EMAIL);
    }

    /** Ends every open link of the person (their designation was revoked). */
    @Transactional
    public int revokeLinks(UserId user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return revokeOpen(user, ACTIVATION, now) + revokeOpen(user, PASSWORD_RESET, now);
    }

    /** The person an activation link belongs to, while it is good; empty for a used, replaced or expired one. */
    @ReadOnly
    public Optional<Account> pendingActivation(String token) {
        return pending(token, ACTIVATION);
    }

    @ReadOnly
    public Optional<Account> pendingReset(String token) {
        return pending(token, PASSWORD_RESET);
    }

    /**
     * Sets the person's first password through their activation link, which is used up. They then sign in
     * normally (and enrol a second factor there if their role needs one). {@link NotFoundException} for a link
     * that is no longer good; {@code InvalidInputException} (the link still good) for a password the policy refuses.
     */
    @Transactional
    public Account activate(String token, String password, String confirmation, String clientIp, String userAgent) {
        Account account = consume(token, ACTIVATION, password, confirmation, clientIp, userAgent);
        audit.record(actorOf(account, clientIp, userAgent), null, "account.activated", "app_user", account.username(), Map.of());
        return account;
    }

    /** Sets a new password through a reset link and ends every session of the person. */
    @Transactional
    public Account resetPassword(String token, String password, String confirmation, String clientIp, String userAgent) {
        Account account = consume(token, PASSWORD_RESET, password, confirmation, clientIp, userAgent);
        int ended = accounts.endAllSessions(account.id(), OffsetDateTime.now(clock));
        audit.record(actorOf(account, clientIp, userAgent), null, "account.password_reset", "app_user", account.username(),
                Map.of("sessions_ended", String.valueOf(ended)));
        return account;
    }

    /**
     * Someone asks for a reset link for a user name or email. The answer is always the same (nothing is
     * returned): whether the account exists, has an email, or the request was throttled shows only in the
     * audit trail. A link is mailed only to an active account's own address.
     */
    @Transactional
    public void requestPasswordReset(String nameOrEmail, String clientIp, String userAgent) {
        String key = nameOrEmail == null ? "" : nameOrEmail.trim().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 254) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime hourAgo = now.minusHours(1);
        int forAccount = db.fetchCount(PASSWORD_RESET_REQUEST, PASSWORD_RESET_REQUEST.ACCOUNT_KEY.eq(key)
                .and(PASSWORD_RESET_REQUEST.REQUESTED_AT.gt(hourAgo)));
        int fromAddress = clientIp == null ? 0 : db.fetchCount(PASSWORD_RESET_REQUEST,
                PASSWORD_RESET_REQUEST.CLIENT_IP.eq(clientIp).and(PASSWORD_RESET_REQUEST.REQUESTED_AT.gt(hourAgo)));
        db.insertInto(PASSWORD_RESET_REQUEST).set(PASSWORD_RESET_REQUEST.ACCOUNT_KEY, key)
                .set(PASSWORD_RESET_REQUEST.CLIENT_IP, clientIp).set(PASSWORD_RESET_REQUEST.REQUESTED_AT, now).execute();
        Actor asker = new Actor(null, "?", "?", List.of(), clientIp, userAgent);
        if (forAccount >= RESETS_PER_ACCOUNT_PER_HOUR || fromAddress >= RESETS_PER_ADDRESS_PER_HOUR) {
            audit.record(asker, null, "auth.reset_throttled", "app_user", key, Map.of());
            return;
        }
        Optional<AppUserRecord> row = accounts.findByUsernameOrEmail(key)
                .filter(r -> "active".equals(r.getStatus()) && r.getEmail() != null);
        if (row.isEmpty()) {
            audit.record(asker, null, "auth.reset_unknown", "app_user", key, Map.of());
            return;
        }
        UserId user = new UserId(row.get().getId());
        revokeOpen(user, PASSWORD_RESET, now);
        String token = newToken(user, PASSWORD_RESET, now, now.plus(resetValidity));
        mail.enqueue(null, "password_reset", row.get().getEmail(), Messages.INDONESIAN, row.get().getDisplayName(),
                mailSettings.consoleBaseUrl() + RESET_PATH + token, resetValidity.toMinutes(), row.get().getUsername());
        audit.record(asker, null, "auth.reset_requested", "app_user", row.get().getUsername(), Map.of());
    }

    private Account consume(String token, String purpose, String password, String confirmation, String clientIp,
                            String userAgent) {
        if (token == null || token.length() > 100) {
            throw refused(purpose, clientIp, userAgent);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Used up first, in this transaction: two submissions of one link cannot both succeed. A refused
        // password rolls the transaction back, and the link with it stays good.
        Long userId = db.update(ONE_TIME_TOKEN).set(ONE_TIME_TOKEN.USED_AT, now)
                .where(ONE_TIME_TOKEN.TOKEN_HASH.eq(SessionService.hash(token)))
                .and(ONE_TIME_TOKEN.PURPOSE.eq(purpose))
                .and(ONE_TIME_TOKEN.USED_AT.isNull()).and(ONE_TIME_TOKEN.REVOKED_AT.isNull())
                .and(ONE_TIME_TOKEN.EXPIRES_AT.gt(now))
                .returning(ONE_TIME_TOKEN.USER_ID)
                .fetchOptional(ONE_TIME_TOKEN.USER_ID).orElse(null);
        if (userId == null) {
            throw refused(purpose, clientIp, userAgent);
        }
        UserId user = new UserId(userId);
        Account account = accounts.findById(user).filter(Account::active).orElseThrow(() -> refused(purpose, clientIp, userAgent));
        Validator validator = new Validator();
        List<String> context = new ArrayList<>();
        accounts.grantsOf(user).stream().filter(g -> !g.isPlatform()).forEach(g -> {
            context.add(g.tenantSlug());
            context.add(g.tenantName());
        });
        PasswordPolicy.check("password", password, account.username(), context, validator);
        if (password != null && !password.equals(confirmation)) {
            validator.add(FieldError.of("confirmation", "validation.password.confirmation_differs"));
        }
        validator.check();
        accounts.setPassword(user, hasher.hash(password));
        return account;
    }

    // A used, replaced, expired or made-up link: recorded in a transaction of its own (the refusal rolls back).
    private NotFoundException refused(String purpose, String clientIp, String userAgent) {
        audit.recordRefusal(new Actor(null, "?", "?", List.of(), clientIp, userAgent), null, "auth.link_refused",
                "one_time_token", purpose, Map.of());
        return new NotFoundException("link");
    }

    private Optional<Account> pending(String token, String purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.select(ONE_TIME_TOKEN.USER_ID).from(ONE_TIME_TOKEN)
                .where(ONE_TIME_TOKEN.TOKEN_HASH.eq(SessionService.hash(token)))
                .and(ONE_TIME_TOKEN.PURPOSE.eq(purpose))
                .and(ONE_TIME_TOKEN.USED_AT.isNull()).and(ONE_TIME_TOKEN.REVOKED_AT.isNull())
                .and(ONE_TIME_TOKEN.EXPIRES_AT.gt(now))
                .fetchOptional(ONE_TIME_TOKEN.USER_ID)
                .flatMap(id -> accounts.findById(new UserId(id))).filter(Account::active);
    }

    private String newToken(UserId user, String purpose, OffsetDateTime now, OffsetDateTime expires) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.insertInto(ONE_TIME_TOKEN)
                .set(ONE_TIME_TOKEN.USER_ID, user.value())
                .set(ONE_TIME_TOKEN.PURPOSE, purpose)
                .set(ONE_TIME_TOKEN.TOKEN_HASH, SessionService.hash(token))
                .set(ONE_TIME_TOKEN.CREATED_AT, now)
                .set(ONE_TIME_TOKEN.EXPIRES_AT, expires)
                .execute();
        return token;
    }

    private int revokeOpen(UserId user, String purpose, OffsetDateTime now) {
        return db.update(ONE_TIME_TOKEN).set(ONE_TIME_TOKEN.REVOKED_AT, now)
                .where(ONE_TIME_TOKEN.USER_ID.eq(user.value())).and(ONE_TIME_TOKEN.PURPOSE.eq(purpose))
                .and(ONE_TIME_TOKEN.USED_AT.isNull()).and(ONE_TIME_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    /** "24 November 2026 pukul 19.05 WIB"-like text of a moment in the portal's zone, in Indonesian. */
    public String format(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm z", Messages.INDONESIAN));
    }

    /** How long an activation link lives. */
    public Duration activationValidity() {
        return activationValidity;
    }

    private static Actor actorOf(Account account, String clientIp, String userAgent) {
        return new Actor(account.id(), account.username(), account.displayName(), List.of(), clientIp, userAgent);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
