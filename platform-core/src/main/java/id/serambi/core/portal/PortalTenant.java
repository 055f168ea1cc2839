package id.serambi.core.portal;

import id.serambi.core.tenant.TenantId;

/** What readers see of a tenant, including how to reach the office and whether it has a logo. */
public record PortalTenant(TenantId id, String slug, String name, String kind, String description, String status,
                           String contactAddress, String contactPhone, String contactEmail, String officeHours,
                           boolean hasLogo) {
    public boolean suspended() {
        return "suspended".equals(status);
    }

    public boolean hasContact() {
        return contactAddress != null || contactPhone != null || contactEmail != null || officeHours != null;
    }
}
