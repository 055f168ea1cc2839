package id.serambi.core.access;

import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/**
 * The authorisation checks every service starts with. A tenant action yields the {@link TenantId} that the
 * rest of the call may touch. Someone with no role at all in a tenant is told it does not exist (404), so
 * that slugs and ids reveal nothing across tenants; someone whose role is too small is told why (403).
 */
@Singleton
public class Access {
    private final DSLContext db;

    Access(DSLContext db) {
        this.db = db;
    }

    /** For platform actions (no tenant): the actor needs one of the action's platform roles. */
    public void require(Actor actor, Action action) {
        if (action.isTenantAction() && action.platformRoles().isEmpty()) {
            throw new IllegalArgumentException(action + " is a tenant action");
        }
        if (actor.isSystem() || actor.hasPlatformRole(action.platformRoles())) {
            return;
        }
        throw new AccessDeniedException("access.platform_only");
    }

    /**
     * For tenant actions: the tenant the actor may act in, or 404/403 as the class comment says. Content
     * changes also need the tenant to be active: an archived or suspended site is read-only.
     */
    public TenantId requireInTenant(Actor actor, Action action, String tenantSlug) {
        TenantId tenant = tenantFor(actor, action, tenantSlug);
        if (action.writesContent() && !"active".equals(db.select(TENANT.STATUS).from(TENANT)
                .where(TENANT.ID.eq(tenant.value())).fetchOne(TENANT.STATUS))) {
            throw new AccessDeniedException("access.tenant_read_only");
        }
        return tenant;
    }

    private TenantId tenantFor(Actor actor, Action action, String tenantSlug) {
        if (!action.isTenantAction() && action.platformRoles().isEmpty()) {
            throw new IllegalArgumentException(action + " names no roles");
        }
        Optional<Grant> tenantGrant = actor.grants().stream()
                .filter(g -> !g.isPlatform() && g.tenantSlug().equals(tenantSlug)
                        && action.tenantRoles().contains(g.role()))
                .findFirst();
        if (tenantGrant.isPresent()) {
            return tenantGrant.get().tenantId();
        }
        if (actor.isSystem() || actor.hasPlatformRole(action.platformRoles())) {
            return tenantIdOf(tenantSlug).orElseThrow(() -> new NotFoundException("tenant " + tenantSlug));
        }
        if (actor.anyGrantIn(tenantSlug).isPresent()) {
            throw new AccessDeniedException("access.denied");
        }
        throw new NotFoundException("tenant " + tenantSlug);
    }

    private Optional<TenantId> tenantIdOf(String slug) {
        return db.select(TENANT.ID).from(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional(TENANT.ID)
                .map(TenantId::new);
    }
}
