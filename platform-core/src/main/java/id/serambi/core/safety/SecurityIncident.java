package id.serambi.core.safety;

import java.time.OffsetDateTime;

import id.serambi.core.tenant.TenantId;

/** A recorded content-safety incident; {@code postId} is null when the content never became a post. */
public record SecurityIncident(long id, TenantId tenantId, String tenantSlug, Long postId, String kind, String stage,
                               String detailJson, OffsetDateTime foundAt, String foundBy) {
}
