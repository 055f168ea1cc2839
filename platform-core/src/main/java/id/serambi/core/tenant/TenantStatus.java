package id.serambi.core.tenant;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's life: provisioning → active ⇄ suspended, and either of them → archived (final). Suspended: the
 * site shows a maintenance notice and its people cannot sign in. Archived: read-only, off the quota, its
 * site still readable.
 */
public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, ARCHIVED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The states this one may move to: the one declared transition table. */
    public Set<TenantStatus> next() {
        return switch (this) {
            case PROVISIONING -> EnumSet.of(ACTIVE, ARCHIVED);
            case ACTIVE -> EnumSet.of(SUSPENDED, ARCHIVED);
            case SUSPENDED -> EnumSet.of(ACTIVE, ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(TenantStatus.class);
        };
    }

    public String messageKey() {
        return "tenant.status." + dbValue();
    }
}
