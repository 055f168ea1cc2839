package id.serambi.core.report;

import id.serambi.core.tenant.TenantId;

/** Whom a report covers: the whole district ({@code tenant} null) or one tenant. */
public record ReportScope(TenantId tenant, String tenantSlug, String tenantName) {
    public static ReportScope district() {
        return new ReportScope(null, null, null);
    }

    public boolean isDistrict() {
        return tenant == null;
    }
}
