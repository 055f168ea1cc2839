package id.serambi.core.portal;

import java.time.OffsetDateTime;

/**
 * An agency site in the sitemap index: how many of its posts readers may see (its sitemap is paged by that),
 * when the newest changed, and its own host name if it has one (its URLs then live there).
 */
public record SitemapAgency(String slug, String name, String host, int posts, OffsetDateTime lastChanged) {
}
