package id.serambi.core.tenant;

import java.time.OffsetDateTime;

/** An agency's site on the platform. */
public record Tenant(TenantId id, String slug, String name, TenantKind kind, String description,
                     TenantStatus status, int quotaMinPerWeek, boolean requireSecondFactor, OffsetDateTime createdAt) {
}
