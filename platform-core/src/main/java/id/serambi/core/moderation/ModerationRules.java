package id.serambi.core.moderation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Whether a moderation action fits the post's present state, as named rules: each answers empty (allowed) or
 * the message key of the reason it is refused.
 */
public final class ModerationRules {
    /** A deleted post can be restored for this many days; after that restoring is refused, but the post is kept. */
    public static final int RESTORE_DAYS = 30;

    private ModerationRules() {
    }

    static Optional<String> refusal(ModerationAction action, ModeratedPost post, OffsetDateTime now) {
        if (action == ModerationAction.RESTORE) {
            return restorable(post, now);
        }
        if (action == ModerationAction.DISMISS) {
            return post.openFlags() > 0 ? Optional.empty() : Optional.of("moderation.refused.no_open_flags");
        }
        if (post.deleted()) {
            return Optional.of("moderation.refused.deleted");
        }
        return switch (action) {
            case APPROVE -> waitingForApproval(post);
            case HIDE -> onThePortal(post);
            case REMOVE -> "removed".equals(post.portalState()) ? Optional.of("moderation.refused.already_removed")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    // Waiting before the portal (pre-moderation), or on the portal and not yet reviewed (post-moderation):
    // approving the latter keeps it there and marks it reviewed.
    private static Optional<String> waitingForApproval(ModeratedPost post) {
        boolean waiting = "pending".equals(post.portalState())
                || "visible".equals(post.portalState()) && post.unreviewed();
        return "published".equals(post.status()) && waiting ? Optional.empty()
                : Optional.of("moderation.refused.not_pending");
    }

    private static Optional<String> onThePortal(ModeratedPost post) {
        if (!"published".equals(post.status())) {
            return Optional.of("moderation.refused.not_published");
        }
        return "visible".equals(post.portalState()) || "pending".equals(post.portalState()) ? Optional.empty()
                : Optional.of("moderation.refused.not_on_portal");
    }

    private static Optional<String> restorable(ModeratedPost post, OffsetDateTime now) {
        if (post.deleted()) {
            return post.deletedAt().plus(Duration.ofDays(RESTORE_DAYS)).isBefore(now)
                    ? Optional.of("moderation.refused.restore_expired") : Optional.empty();
        }
        return "hidden".equals(post.portalState()) || "removed".equals(post.portalState()) ? Optional.empty()
                : Optional.of("moderation.refused.nothing_to_restore");
    }
}
