package id.serambi.core.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the district portal takes a tenant's posts: PRE, Kominfo approves before the portal shows a post;
 * POST, shown at once and Kominfo may hide it; TRUSTED, shown at once without review.
 */
public enum PortalModeration {
    PRE, POST, TRUSTED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PortalModeration> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.dbValue().equals(value)).findFirst();
    }

    /**
     * The portal state a post takes when it goes live: under PRE it waits for Kominfo ("pending"), otherwise
     * the portal shows it at once. Every way of publishing (the newsroom, a feed) asks this one place.
     */
    public String portalStateOnPublish() {
        return this == PRE ? "pending" : "visible";
    }

    public String messageKey() {
        return "tenant.moderation." + dbValue();
    }
}
