package id.serambi.core.access;

import id.serambi.core.account.Role;
import id.serambi.core.tenant.TenantId;

/** One role a person holds: in one tenant (with its slug and name), or platform-wide (tenant null). */
public record Grant(Role role, TenantId tenantId, String tenantSlug, String tenantName) {
    public boolean isPlatform() {
        return tenantId == null;
    }
}
