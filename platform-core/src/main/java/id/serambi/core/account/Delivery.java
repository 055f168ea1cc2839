package id.serambi.core.account;

import java.util.Locale;
import java.util.Optional;

/** How an activation link reaches its person: by email (through the outbox) or on a printed handover sheet. */
public enum Delivery {
    EMAIL, PRINT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Delivery> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Delivery d : values()) {
            if (d.dbValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public String messageKey() {
        return "delivery." + dbValue();
    }
}
