package id.serambi.core.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the district portal takes a tenant's posts. In every mode the agency's own site shows a post as soon as
 * the agency publishes it, the post counts for the quota from its first publication, the spam and privacy
 * guards run before publication, and Kominfo may hide, take down, revise (where allowed) or delete any post.
 * <ul>
 * <li>PRE: the portal shows a post only after Kominfo approves it; until then it waits in Kominfo's queue
 *     (portal state "pending").</li>
 * <li>POST: the portal shows a post at once, and it also enters Kominfo's queue as "published, not yet
 *     reviewed" until Kominfo looks at it (any moderation action clears the mark; "approve" means "seen, keep
 *     it").</li>
 * <li>TRUSTED: the portal shows a post at once and it never enters the queue; Kominfo acts on it only when
 *     something (a coordinator's flag, a complaint, the spam guard) draws attention to it.</li>
 * </ul>
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

    /**
     * Whether a post's first publication leaves it "unreviewed" for Kominfo's after-the-fact review: only
     * under POST (PRE reviews before, TRUSTED not at all). Every way of publishing asks this one place.
     */
    public boolean reviewedAfterPublication() {
        return this == POST;
    }

    public String messageKey() {
        return "tenant.moderation." + dbValue();
    }
}
