package id.serambi.core.complaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a complaint reached the agency: the portal form, or one of the ways seed 004 names. */
public enum ComplaintChannel {
    WEB, WALK_IN, WHATSAPP, EMAIL, FACEBOOK, PHONE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ComplaintChannel> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.dbValue().equals(value)).findFirst();
    }

    public String messageKey() {
        return "complaint.channel." + dbValue();
    }
}
