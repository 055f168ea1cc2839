package id.serambi.core.tenant;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.quota.WeekProgress;

/**
 * One row of the tenants list. {@code quota} is null for an archived tenant: it is off the quota.
 * {@code admins} are the display names of its tenant admins.
 */
public record TenantSummary(TenantId id, String slug, String name, TenantKind kind, TenantStatus status,
                            List<String> hosts, List<String> admins, OffsetDateTime lastPostAt, WeekProgress quota) {
}
