package id.serambi.core.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of government body a tenant is. */
public enum TenantKind {
    DINAS, BADAN, BAGIAN, KECAMATAN, KELURAHAN, DESA, UPTD, OTHER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TenantKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.dbValue().equals(value)).findFirst();
    }

    public String messageKey() {
        return "tenant.kind." + dbValue();
    }
}
