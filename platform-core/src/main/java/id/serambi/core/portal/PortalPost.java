package id.serambi.core.portal;

import java.time.OffsetDateTime;

/** A published post as readers see it, with the agency it comes from. */
public record PortalPost(long id, String tenantSlug, String tenantName, String kind, String title, String slug,
                         String summary, String bodyHtml, OffsetDateTime publishedAt, OffsetDateTime firstPublishedAt,
                         OffsetDateTime updatedAt) {

    /** True when the post was changed after its first publication (the page then says "diperbarui"). */
    public boolean updatedSincePublication() {
        return updatedAt != null && firstPublishedAt != null && updatedAt.isAfter(firstPublishedAt.plusMinutes(1));
    }
}
