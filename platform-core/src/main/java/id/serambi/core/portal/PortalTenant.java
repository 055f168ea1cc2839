package id.serambi.core.portal;

import id.serambi.core.tenant.TenantId;

/** What readers see of a tenant. */
public record PortalTenant(TenantId id, String slug, String name, String kind, String description, String status) {
    public boolean suspended() {
        return "suspended".equals(status);
    }
}
