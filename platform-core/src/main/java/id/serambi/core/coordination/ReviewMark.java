package id.serambi.core.coordination;

import java.time.OffsetDateTime;

import id.serambi.core.post.PostId;

/** A mark on a post, by whom and when; a flag is {@code resolved} once Kominfo dealt with it. */
public record ReviewMark(long id, PostId postId, MarkKind kind, String note, String byName, OffsetDateTime at,
                         boolean resolved) {
}
