package id.serambi.core.quota;

import java.util.List;

/** The district's heatmap: the weeks (oldest first, the last is the current week) and each tenant's row. */
public record QuotaOverview(List<QuotaWeek> weeks, List<TenantQuota> tenants) {
    public QuotaOverview {
        weeks = List.copyOf(weeks);
        tenants = List.copyOf(tenants);
    }
}
