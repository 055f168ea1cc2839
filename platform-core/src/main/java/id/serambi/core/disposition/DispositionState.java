package id.serambi.core.disposition;

import java.util.Locale;

/** Where a disposition stands: sent → acknowledged → answered → closed. */
public enum DispositionState {
    SENT, ACKNOWLEDGED, ANSWERED, CLOSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DispositionState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String messageKey() {
        return "disposition.state." + dbValue();
    }

    /** Still waiting for the agency's answer. */
    public boolean open() {
        return this == SENT || this == ACKNOWLEDGED;
    }
}
