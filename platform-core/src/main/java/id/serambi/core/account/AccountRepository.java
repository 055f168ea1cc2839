package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.TENANT;

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

    UserId insert(String username, String displayName, String email, String passwordHash) {
        return new UserId(db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
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

    void touchLogin(UserId id, OffsetDateTime at) {
        db.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, at).where(APP_USER.ID.eq(id.value())).execute();
    }

    /** Every role the user holds, with the tenant's slug and name for tenant roles. */
    List<Grant> grantsOf(UserId id) {
        return db.select(MEMBERSHIP.ROLE, MEMBERSHIP.TENANT_ID, TENANT.SLUG, TENANT.NAME)
                .from(MEMBERSHIP)
                .leftJoin(TENANT).on(TENANT.ID.eq(MEMBERSHIP.TENANT_ID))
                .where(MEMBERSHIP.USER_ID.eq(id.value()))
                .orderBy(MEMBERSHIP.TENANT_ID.nullsFirst(), MEMBERSHIP.ID)
                .fetch(r -> new Grant(Role.fromDb(r.value1()),
                        r.value2() == null ? null : new TenantId(r.value2()), r.value3(), r.value4()));
    }

    static Account toAccount(AppUserRecord r) {
        return new Account(new UserId(r.getId()), r.getUsername(), r.getDisplayName(), r.getEmail(),
                "active".equals(r.getStatus()));
    }
}
