package id.serambi.core.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What Kominfo can do to an agency's post: approve it for the portal (pre-moderation), hide it from the portal
 * (the agency site keeps it), take it down everywhere (e.g. spam), revise it (where the tenant allows), delete
 * it (soft, recoverable for {@link ModerationRules#RESTORE_DAYS} days), restore it, or dismiss a coordinator's
 * flag without changing anything.
 */
public enum ModerationAction {
    APPROVE, HIDE, REMOVE, REVISE, DELETE, RESTORE, DISMISS;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModerationAction> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.dbValue().equals(v)).findFirst();
    }

    /** The action's name, e.g. "Setujui untuk portal". */
    public String messageKey() {
        return "moderation.action." + dbValue();
    }
}
