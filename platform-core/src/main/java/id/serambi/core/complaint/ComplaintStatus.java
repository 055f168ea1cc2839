package id.serambi.core.complaint;

import java.util.Arrays;
import java.util.Locale;

/** Where a complaint stands in seed 004's flow. Returned and closed are the ends. */
public enum ComplaintStatus {
    RECEIVED, VERIFIED, RETURNED, ESCALATED, ANSWERED, DELIVERED, CLOSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComplaintStatus fromDb(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown complaint status " + value));
    }

    public boolean isOpen() {
        return this != RETURNED && this != CLOSED;
    }

    /** Whether someone at the agency owes the next step (delivered waits for the citizen, not the office). */
    public boolean officeClockRuns() {
        return this == RECEIVED || this == VERIFIED || this == ESCALATED || this == ANSWERED;
    }

    public String messageKey() {
        return "complaint.status." + dbValue();
    }
}
