package id.serambi.core.team;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Memberships read and changed per tenant (or platform-wide, tenant null). Only {@link TeamService} uses it. */
@Singleton
class TeamRepository {
    // Any constant: serialises changes to platform roles, as the tenant row's lock does for a tenant's team.
    private static final long PLATFORM_ROLES_LOCK = 0x5e2a_3b1L;

    private final DSLContext db;

    TeamRepository(DSLContext db) {
        this.db = db;
    }

    /** Everyone holding a role in the tenant (or a platform role, tenant null), with their roles, by name. */
    List<TeamMember> members(TenantId tenant) {
        var roles = DSL.arrayAgg(MEMBERSHIP.ROLE).orderBy(MEMBERSHIP.ROLE).as("roles");
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.STATUS,
                        APP_USER.LAST_LOGIN_AT, roles)
                .from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(inScope(tenant))
                .groupBy(APP_USER.ID)
                .orderBy(DSL.lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .fetch(r -> new TeamMember(new UserId(r.get(APP_USER.ID)), r.get(APP_USER.USERNAME),
                        r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.EMAIL), "active".equals(r.get(APP_USER.STATUS)),
                        Arrays.stream(r.get(roles)).map(Role::fromDb).toList(), r.get(APP_USER.LAST_LOGIN_AT)));
    }

    record Person(UserId id, String username, boolean active) {
    }

    Optional<Person> person(String username) {
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.STATUS).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new Person(new UserId(r.value1()), r.value2(), "active".equals(r.value3())));
    }

    boolean holds(UserId user, TenantId tenant, Role role) {
        return db.fetchExists(MEMBERSHIP, MEMBERSHIP.USER_ID.eq(user.value()).and(inScope(tenant))
                .and(MEMBERSHIP.ROLE.eq(role.dbValue())));
    }

    void add(UserId user, TenantId tenant, Role role) {
        db.insertInto(MEMBERSHIP)
                .set(MEMBERSHIP.USER_ID, user.value())
                .set(MEMBERSHIP.TENANT_ID, tenant == null ? null : tenant.value())
                .set(MEMBERSHIP.ROLE, role.dbValue())
                .onConflictDoNothing()
                .execute();
    }

    boolean remove(UserId user, TenantId tenant, Role role) {
        return db.deleteFrom(MEMBERSHIP).where(MEMBERSHIP.USER_ID.eq(user.value())).and(inScope(tenant))
                .and(MEMBERSHIP.ROLE.eq(role.dbValue())).execute() == 1;
    }

    /** How many active accounts hold {@code role} in the tenant (or platform-wide). */
    int activeHolders(TenantId tenant, Role role) {
        return db.fetchCount(db.selectOne().from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(inScope(tenant)).and(MEMBERSHIP.ROLE.eq(role.dbValue())).and(APP_USER.STATUS.eq("active")));
    }

    /** Serialises team changes of one tenant (or of the platform roles) until the transaction ends. */
    void lock(TenantId tenant) {
        if (tenant == null) {
            db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(PLATFORM_ROLES_LOCK))).fetch();
        } else {
            db.selectOne().from(TENANT).where(TENANT.ID.eq(tenant.value())).forUpdate().execute();
        }
    }

    boolean archived(TenantId tenant) {
        return db.fetchExists(TENANT, TENANT.ID.eq(tenant.value()).and(TENANT.STATUS.eq("archived")));
    }

    void setActive(UserId user, boolean active) {
        db.update(APP_USER).set(APP_USER.STATUS, active ? "active" : "disabled")
                .where(APP_USER.ID.eq(user.value())).execute();
    }

    private static Condition inScope(TenantId tenant) {
        return tenant == null ? MEMBERSHIP.TENANT_ID.isNull() : MEMBERSHIP.TENANT_ID.eq(tenant.value());
    }
}
