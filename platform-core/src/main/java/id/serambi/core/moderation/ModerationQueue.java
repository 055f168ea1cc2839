package id.serambi.core.moderation;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.post.PostId;

/**
 * Kominfo's moderation queue: posts of pre-moderated agencies waiting for approval (oldest first, with their
 * age), posts of post-moderated agencies already on the portal but not yet reviewed (oldest first), posts
 * coordinators flagged, and what the spam guard stopped recently. Trusted agencies' posts appear only when
 * flagged or caught by the spam guard.
 */
public record ModerationQueue(OffsetDateTime now, List<Waiting> waiting, List<Waiting> unreviewed, List<Flag> flags,
                              List<SpamHit> spamHits) {

    /** A published post waiting for the portal (or, in {@code unreviewed}, for review) since its first publication. */
    public record Waiting(PostId postId, String tenantSlug, String tenantName, String title, OffsetDateTime since,
                          long waitedMinutes) {
        public long waitedHours() {
            return waitedMinutes / 60;
        }
    }

    /** An open flag from a coordinator, with their note. */
    public record Flag(long markId, PostId postId, String tenantSlug, String tenantName, String title, String portalState,
                       String note, String flaggedBy, OffsetDateTime at) {
    }

    /** A spam-guard hit (a security incident); {@code postId} is null when the content never became a post. */
    public record SpamHit(long incidentId, String tenantSlug, String tenantName, Long postId, String stage,
                          String foundBy, OffsetDateTime at) {
    }
}
