package id.serambi.core.tenant;

import java.util.Locale;

public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, ARCHIVED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
