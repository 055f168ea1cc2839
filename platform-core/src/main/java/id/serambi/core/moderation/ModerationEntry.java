package id.serambi.core.moderation;

import java.time.OffsetDateTime;

import id.serambi.core.post.PostId;

/** One line of a tenant's moderation history. {@code detailJson} says what changed (states, revision number). */
public record ModerationEntry(long id, PostId postId, String postTitle, ModerationAction action, String reason,
                              String actorName, String detailJson, OffsetDateTime at) {
}
