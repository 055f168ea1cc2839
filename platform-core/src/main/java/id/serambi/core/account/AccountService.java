package id.serambi.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import id.serambi.core.access.Actor;
import id.serambi.core.access.Grant;
import id.serambi.core.audit.AuditService;
import id.serambi.core.jooq.public_.tables.records.AppUserRecord;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** People who sign in, their roles, and how they prove who they are. */
@Singleton
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditService audit;
    private final Clock clock;
    private final LoginThrottle throttle;

    AccountService(AccountRepository accounts, PasswordHasher hasher, AuditService audit, Clock clock,
                   LoginThrottle throttle) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * Adds every problem of a new account to {@code validator}; field names carry {@code prefix}
     * (e.g. "admin.") so that one form can hold a tenant and its admin. {@code context} are names the
     * password must not contain (the agency's slug and name).
     */
    @ReadOnly
    public void validateNewAccount(String prefix, NewAccount input, Validator validator, List<String> context) {
        String username = validateIdentity(prefix, input.username(), input.displayName(), input.email(), false, validator);
        PasswordPolicy.check(prefix + "password", input.password(), username, context, validator);
    }

    /**
     * The checks every new person passes, with or without a password: a free user name of the right form, a
     * display name, and an e-mail address that is well formed and not anyone else's (required when
     * {@code emailRequired}, e.g. because the activation link goes by mail). Returns the normalised user name.
     */
    @ReadOnly
    public String validateIdentity(String prefix, String rawUsername, String displayName, String rawEmail,
                                   boolean emailRequired, Validator validator) {
        String username = normaliseUsername(rawUsername);
        if (username == null || username.isEmpty()) {
            validator.add(FieldError.of(prefix + "username", "validation.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            validator.add(FieldError.of(prefix + "username", "validation.username.format"));
        } else if (accounts.usernameExists(username)) {
            validator.add(FieldError.of(prefix + "username", "validation.username.taken"));
        }
        validator.require(prefix + "displayName", displayName, 200);
        String email = blankToNull(rawEmail);
        if (email == null) {
            if (emailRequired) {
                validator.add(FieldError.of(prefix + "email", "validation.email.required_for_mail"));
            }
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            validator.add(FieldError.of(prefix + "email", "validation.email.format"));
        } else if (accounts.emailExists(email)) {
            validator.add(FieldError.of(prefix + "email", "validation.email.taken"));
        }
        return username;
    }

    /**
     * Creates an account holding {@code role} in {@code tenant} (null for a platform role). The caller has
     * validated the input with {@link #validateNewAccount} and checked the actor's right to do this.
     * The person must replace the password at first sign-in: someone else chose it.
     */
    @Transactional
    public UserId createMember(Actor actor, TenantId tenant, NewAccount input, Role role) {
        return createMember(actor, tenant, input, role, true);
    }

    /** As {@link #createMember(Actor, TenantId, NewAccount, Role)}, saying whether the password is to be replaced. */
    @Transactional
    public UserId createMember(Actor actor, TenantId tenant, NewAccount input, Role role, boolean mustChangePassword) {
        if (role.isPlatform() != (tenant == null)) {
            throw new IllegalArgumentException(role + " with tenant " + tenant);
        }
        Validator validator = new Validator();
        validateNewAccount("", input, validator, List.of());
        validator.check();
        String username = normaliseUsername(input.username());
        UserId id = accounts.insert(username, input.displayName().trim(), blankToNull(input.email()),
                hasher.hash(input.password()), mustChangePassword);
        accounts.addMembership(id, tenant, role);
        audit.record(actor, tenant, "account.create", "app_user", username, Map.of("role", role.dbValue()));
        return id;
    }

    /**
     * Checks a sign-in. The answer is the same, in words and in timing, whether the user does not exist or the
     * password is wrong; repeated failures make the next attempt wait ({@link LoginThrottle}). Every attempt
     * is audited, failed ones with the name that was tried.
     */
    @Transactional
    public LoginResult authenticate(String username, String password, String clientIp, String userAgent) {
        String name = normaliseUsername(username);
        Actor attempt = new Actor(null, name == null || name.isEmpty() ? "?" : name, name, List.of(), clientIp, userAgent);
        Duration wait = throttle.waitBefore(name, clientIp);
        if (!wait.isZero()) {
            audit.record(attempt, null, "auth.login_throttled", "app_user", name, Map.of());
            return new LoginResult.Throttled(wait);
        }
        Optional<AppUserRecord> row = name == null ? Optional.empty() : accounts.findByUsername(name);
        boolean matches = hasher.matches(password == null ? "" : password, row.map(AppUserRecord::getPasswordHash).orElse(null));
        if (!matches || row.isEmpty() || !"active".equals(row.get().getStatus())) {
            throttle.recordFailure(name, clientIp);
            audit.record(attempt, null, "auth.login_failed", "app_user", name, Map.of());
            return new LoginResult.Refused();
        }
        Account account = AccountRepository.toAccount(row.get());
        throttle.recordSuccess(name);
        if (accounts.onlyInSuspendedTenants(account.id())) {
            audit.record(attempt, null, "auth.login_refused_suspended", "app_user", name, Map.of());
            return new LoginResult.Suspended();
        }
        accounts.touchLogin(account.id(), OffsetDateTime.now(clock));
        audit.record(new Actor(account.id(), name, account.displayName(), List.of(), clientIp, userAgent), null,
                "auth.login", "app_user", name, Map.of());
        return new LoginResult.SignedIn(account);
    }

    /**
     * Replaces the signed-in person's password. The current one must be given (a session left open is not
     * enough to take an account over); the new one follows the password policy and differs from the current.
     * Every other session of theirs ends; the one of {@code keepSessionToken} goes on.
     */
    @Transactional
    public void changePassword(Actor actor, String keepSessionToken, String current, String replacement, String confirmation) {
        Validator validator = new Validator();
        if (!hasher.matches(current == null ? "" : current, accounts.passwordHash(actor.userId()))) {
            validator.add(FieldError.of("current", "validation.password.current_wrong"));
        }
        List<String> context = new ArrayList<>();
        actor.tenants().forEach((slug, name) -> {
            context.add(slug);
            context.add(name);
        });
        PasswordPolicy.check("password", replacement, actor.username(), context, validator);
        if (replacement != null && replacement.equals(current)) {
            validator.add(FieldError.of("password", "validation.password.same_as_current"));
        }
        if (replacement != null && !replacement.equals(confirmation)) {
            validator.add(FieldError.of("confirmation", "validation.password.confirmation_differs"));
        }
        validator.check();
        accounts.setPassword(actor.userId(), hasher.hash(replacement));
        int ended = accounts.endOtherSessions(actor.userId(), SessionService.hash(keepSessionToken), OffsetDateTime.now(clock));
        audit.record(actor, null, "account.password_changed", "app_user", actor.username(),
                Map.of("other_sessions_ended", String.valueOf(ended)));
    }

    /** Ends the sessions of the people who work only in this tenant (it was suspended or archived). */
    @Transactional
    public int endSessionsOnlyIn(TenantId tenant) {
        return accounts.endSessionsOnlyIn(tenant, OffsetDateTime.now(clock));
    }

    /** Ends every session of the person at once (a revoked designation, a reset password). */
    @Transactional
    public int endAllSessions(UserId id) {
        return accounts.endAllSessions(id, OffsetDateTime.now(clock));
    }

    /** Takes one role in one tenant from the person; true if they held it. */
    @Transactional
    public boolean removeMembership(UserId user, TenantId tenant, Role role) {
        return accounts.removeMembership(user, tenant, role) > 0;
    }

    /** Whether the person has chosen a password yet (an invited person has none until activation). */
    @ReadOnly
    public boolean hasPassword(UserId id) {
        return accounts.hasPassword(id);
    }

    @ReadOnly
    public List<Grant> grantsOf(UserId id) {
        return accounts.grantsOf(id);
    }

    @ReadOnly
    public Optional<Account> find(UserId id) {
        return accounts.findById(id);
    }

    static String normaliseUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
