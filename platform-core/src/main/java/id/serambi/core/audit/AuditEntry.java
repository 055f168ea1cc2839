package id.serambi.core.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail as the viewer shows it. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String tenantSlug, String action,
                         String subjectType, String subjectId, String detail, String clientIp) {
}
