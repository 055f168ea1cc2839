package id.serambi.core.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A range of days in which the quota does not apply: district-wide ({@code tenantSlug} null) or for one tenant. */
public record QuotaExemption(long id, String tenantSlug, String tenantName, LocalDate firstDay, LocalDate lastDay,
                             String reason, String createdBy, OffsetDateTime createdAt) {
}
