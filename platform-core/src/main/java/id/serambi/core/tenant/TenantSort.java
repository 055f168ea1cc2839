package id.serambi.core.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the tenants list is ordered: by name, newest post first, or furthest behind this week's quota first. */
public enum TenantSort {
    NAME, LAST_POST, QUOTA;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TenantSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.param().equals(value)).findFirst();
    }

    public String messageKey() {
        return "tenants.sort." + param();
    }
}
