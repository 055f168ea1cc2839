package id.serambi.core.account;

import java.util.Arrays;
import java.util.Locale;

/** The roles of DESIGN.md. Platform roles have no tenant; the others hold within one tenant. */
public enum Role {
    PLATFORM_ADMIN(true),
    PLATFORM_STAFF(true),
    COORDINATOR(true),
    TENANT_ADMIN(false),
    EDITOR(false),
    WRITER(false),
    COMPLAINT_OFFICER(false),
    COMPLAINT_OFFICIAL(false);

    private final boolean platform;

    Role(boolean platform) {
        this.platform = platform;
    }

    public boolean isPlatform() {
        return platform;
    }

    /** The value stored in {@code membership.role}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return Arrays.stream(values()).filter(r -> r.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    /** Message key of the role's name, e.g. {@code role.tenant_admin}. */
    public String messageKey() {
        return "role." + dbValue();
    }
}
