package id.serambi.core.review;

import java.time.OffsetDateTime;

import id.serambi.core.account.UserId;

/** A review comment on a post that does not move it through the workflow. */
public record PostComment(UserId author, String authorName, String body, OffsetDateTime at) {
}
