package id.serambi.core.notify;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/**
 * Who a feature's notification goes to: the active admins of an agency, or one person. Only people whose
 * account is active; the address is null for someone who gave none (they still get the in-app notice).
 */
@Singleton
public class Recipients {
    /** A person to notify, with their mail address if they have one. */
    public record Recipient(UserId userId, String displayName, String email) {
    }

    private final DSLContext db;

    Recipients(DSLContext db) {
        this.db = db;
    }

    @ReadOnly
    public List<Recipient> tenantAdmins(TenantId tenant) {
        return db.selectDistinct(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL).from(APP_USER)
                .join(MEMBERSHIP).on(MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value())).and(MEMBERSHIP.ROLE.eq(Role.TENANT_ADMIN.dbValue()))
                .and(APP_USER.STATUS.eq("active"))
                .orderBy(APP_USER.ID)
                .fetch(r -> new Recipient(new UserId(r.value1()), r.value2(), r.value3()));
    }

    @ReadOnly
    public Optional<Recipient> person(UserId user) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(user.value())).and(APP_USER.STATUS.eq("active"))
                .fetchOptional(r -> new Recipient(new UserId(r.value1()), r.value2(), r.value3()));
    }
}
