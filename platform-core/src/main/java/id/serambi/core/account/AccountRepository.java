package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static id.serambi.core.jooq.public_.Tables.USER_SESSION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.access.Grant;
import id.serambi.core.jooq.public_.tables.records.AppUserRecord;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

@Singleton
class AccountRepository {
    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    UserId insert(String username, String displayName, String email, String passwordHash, boolean mustChangePassword) {
        return new UserId(db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID));
    }

    void addMembership(UserId user, TenantId tenant, Role role) {
        db.insertInto(MEMBERSHIP)
                .set(MEMBERSHIP.USER_ID, user.value())
                .set(MEMBERSHIP.TENANT_ID, tenant == null ? null : tenant.value())
                .set(MEMBERSHIP.ROLE, role.dbValue())
                .onConflictDoNothing()
                .execute();
    }

    boolean usernameExists(String username) {
        return db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    boolean emailExists(String email) {
        return db.fetchExists(APP_USER, DSL.lower(APP_USER.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<AppUserRecord> findByUsername(String username) {
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
    }

    Optional<Account> findById(UserId id) {
        return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOptional().map(AccountRepository::toAccount);
    }

    Optional<AppUserRecord> findRecord(UserId id) {
        return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOptional();
    }

    String passwordHash(UserId id) {
        return db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOne(APP_USER.PASSWORD_HASH);
    }

    void setPassword(UserId id, String hash) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUST_CHANGE_PASSWORD, false)
                .where(APP_USER.ID.eq(id.value())).execute();
    }

    /** Ends every live session of the user except the one whose token hash is given. */
    int endOtherSessions(UserId id, byte[] keepTokenHash, OffsetDateTime at) {
        return db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, at)
                .where(USER_SESSION.USER_ID.eq(id.value())).and(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.TOKEN_HASH.ne(keepTokenHash))
                .execute();
    }

    /** Ends every live session of the user (a password reset, a revoked designation). */
    int endAllSessions(UserId id, OffsetDateTime at) {
        return db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, at)
                .where(USER_SESSION.USER_ID.eq(id.value())).and(USER_SESSION.REVOKED_AT.isNull())
                .execute();
    }

    int removeMembership(UserId user, TenantId tenant, Role role) {
        return db.deleteFrom(MEMBERSHIP).where(MEMBERSHIP.USER_ID.eq(user.value()))
                .and(MEMBERSHIP.TENANT_ID.eq(tenant.value())).and(MEMBERSHIP.ROLE.eq(role.dbValue())).execute();
    }

    /** The account whose user name, or else email, is {@code nameOrEmail}. */
    Optional<AppUserRecord> findByUsernameOrEmail(String nameOrEmail) {
        String key = nameOrEmail.trim().toLowerCase(java.util.Locale.ROOT);
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(key)).fetchOptional()
                .or(() -> db.selectFrom(APP_USER).where(DSL.lower(APP_USER.EMAIL).eq(key)).fetchOptional());
    }

    boolean hasPassword(UserId id) {
        return passwordHash(id) != null;
    }

    void touchLogin(UserId id, OffsetDateTime at) {
        db.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, at).where(APP_USER.ID.eq(id.value())).execute();
    }

    /** Every role the user holds, with the tenant's slug and name for tenant roles. */
    List<Grant> grantsOf(UserId id) {
        return db.select(MEMBERSHIP.ROLE, MEMBERSHIP.TENANT_ID, TENANT.SLUG, TENANT.NAME)
                .from(MEMBERSHIP)
                .leftJoin(TENANT).on(TENANT.ID.eq(MEMBERSHIP.TENANT_ID))
                .where(MEMBERSHIP.USER_ID.eq(id.value()))
                // A suspended tenant's roles do not count until it is active again.
                .and(MEMBERSHIP.TENANT_ID.isNull().or(TENANT.STATUS.ne("suspended")))
                .orderBy(MEMBERSHIP.TENANT_ID.nullsFirst(), MEMBERSHIP.ID)
                .fetch(r -> new Grant(Role.fromDb(r.value1()),
                        r.value2() == null ? null : new TenantId(r.value2()), r.value3(), r.value4()));
    }

    /** True when the user has roles, and every one of them is in a suspended tenant. */
    boolean onlyInSuspendedTenants(UserId id) {
        var m = MEMBERSHIP.as("m");
        var t = TENANT.as("t");
        return db.fetchExists(m, m.USER_ID.eq(id.value()))
                && !db.fetchExists(db.selectOne().from(m).leftJoin(t).on(t.ID.eq(m.TENANT_ID))
                        .where(m.USER_ID.eq(id.value())).and(m.TENANT_ID.isNull().or(t.STATUS.ne("suspended"))));
    }

    /**
     * Ends the sessions of everyone whose roles are all in this tenant or in other suspended or archived
     * tenants (people who also work elsewhere keep their session, without this tenant's roles).
     */
    int endSessionsOnlyIn(TenantId tenant, OffsetDateTime at) {
        var m = MEMBERSHIP.as("m");
        var other = MEMBERSHIP.as("other");
        var otherTenant = TENANT.as("other_tenant");
        return db.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, at)
                .where(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.USER_ID.in(db.select(m.USER_ID).from(m).where(m.TENANT_ID.eq(tenant.value()))))
                .andNotExists(db.selectOne().from(other).leftJoin(otherTenant).on(otherTenant.ID.eq(other.TENANT_ID))
                        .where(other.USER_ID.eq(USER_SESSION.USER_ID))
                        .and(other.TENANT_ID.isNull().or(other.TENANT_ID.ne(tenant.value())
                                .and(otherTenant.STATUS.in("active", "provisioning")))))
                .execute();
    }

    static Account toAccount(AppUserRecord r) {
        return new Account(new UserId(r.getId()), r.getUsername(), r.getDisplayName(), r.getEmail(),
                "active".equals(r.getStatus()));
    }
}
