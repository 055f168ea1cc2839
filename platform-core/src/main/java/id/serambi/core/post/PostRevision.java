package id.serambi.core.post;

import java.time.OffsetDateTime;

import id.serambi.core.account.UserId;

/**
 * One saved state of a post. {@code restoredFrom} names the older revision it copies, if it came from a
 * restore; {@code byPlatform} says that Kominfo's staff, not the agency's team, saved it.
 */
public record PostRevision(PostId postId, int number, PostContent content, UserId authorId, String authorName,
                           boolean byPlatform, Integer restoredFrom, OffsetDateTime createdAt) {
}
