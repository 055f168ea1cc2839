package id.serambi.core.quota;

import java.time.OffsetDateTime;

/** A post first published in a week, and whether it counts (moderation-removed and deleted posts do not). */
public record PostInWeek(long id, String title, String kind, String source, OffsetDateTime firstPublishedAt,
                         boolean counted) {
}
