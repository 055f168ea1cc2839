package id.serambi.core.coordination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A coordinator's mark on a published post. A flag goes to Kominfo's moderation queue. */
public enum MarkKind {
    NOTED, COMMENDED, FLAGGED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MarkKind> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.dbValue().equals(v)).findFirst();
    }

    public String messageKey() {
        return "coordination.mark." + dbValue();
    }
}
