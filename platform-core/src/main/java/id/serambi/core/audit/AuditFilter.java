package id.serambi.core.audit;

import java.time.LocalDate;

/**
 * What the audit viewer narrows by; every part is optional. Dates are whole days in the portal's time zone,
 * both inclusive.
 */
public record AuditFilter(String tenantSlug, String actor, String action, LocalDate from, LocalDate to) {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
