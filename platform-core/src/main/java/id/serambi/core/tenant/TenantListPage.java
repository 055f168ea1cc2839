package id.serambi.core.tenant;

import java.util.List;

import id.serambi.core.quota.QuotaWeek;

/** One page of the tenants list, with how many tenants match in all and the quota week it reports on. */
public record TenantListPage(TenantListQuery query, List<TenantSummary> rows, int total, QuotaWeek week) {
    public int pageSize() {
        return TenantListQuery.PAGE_SIZE;
    }

    public int totalPages() {
        return Math.max(1, (total + pageSize() - 1) / pageSize());
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < totalPages();
    }
}
