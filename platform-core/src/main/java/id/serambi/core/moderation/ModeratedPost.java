package id.serambi.core.moderation;

import java.time.OffsetDateTime;

import id.serambi.core.post.PostId;
import id.serambi.core.tenant.TenantId;

/**
 * A post as moderation sees it: where it stands on the portal ({@code portalState}: pending, visible, hidden,
 * removed), whether it is deleted, the tenant's moderation mode and whether Kominfo may revise its posts, and
 * since when a post-moderated tenant's post waits for Kominfo's after-the-fact review (null when it does not).
 */
public record ModeratedPost(PostId id, TenantId tenantId, String tenantSlug, String tenantName, String title,
                            String slug, String status, String portalState, OffsetDateTime deletedAt,
                            String moderationMode, boolean platformMayEdit, int openFlags,
                            OffsetDateTime unreviewedSince) {
    /** Published under post-moderation and not yet looked at by Kominfo. */
    public boolean unreviewed() {
        return unreviewedSince != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** The last moment a deleted post may be restored (null while not deleted); it is kept after that too. */
    public OffsetDateTime restorableUntil() {
        return deletedAt == null ? null : deletedAt.plusDays(ModerationRules.RESTORE_DAYS);
    }
}
