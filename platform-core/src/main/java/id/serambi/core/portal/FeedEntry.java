package id.serambi.core.portal;

import java.time.OffsetDateTime;

/**
 * A post as feeds and sitemaps show it: where it lives, its title, a short plain-text description (the summary,
 * else the start of the body's text), its category and when it was published and last changed.
 */
public record FeedEntry(long id, String tenantSlug, String tenantName, String kind, String title, String slug,
                        String description, String categoryName, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
}
