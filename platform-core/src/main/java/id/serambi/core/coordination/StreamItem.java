package id.serambi.core.coordination;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.post.PostId;

/** A published post in the coordinators' review stream, with the marks it has received (newest first). */
public record StreamItem(PostId postId, String tenantSlug, String tenantName, String title, String summary,
                         String categoryName, OffsetDateTime publishedAt, String portalState, List<ReviewMark> marks) {
    public boolean flagged() {
        return marks.stream().anyMatch(m -> m.kind() == MarkKind.FLAGGED && !m.resolved());
    }
}
