package id.serambi.core.portal;

import java.time.OffsetDateTime;

/** A published post as readers see it, with the agency it comes from. */
public record PortalPost(long id, String tenantSlug, String tenantName, String kind, String title, String slug,
                         String summary, String bodyHtml, OffsetDateTime publishedAt, OffsetDateTime firstPublishedAt,
                         OffsetDateTime updatedAt, String seoDescription, OffsetDateTime revisedAt) {

    /**
     * True when the content was saved again after the post had been published (the page then says "diperbarui"
     * with {@link #revisedAt()}); taking it offline and publishing it again is not a change of content.
     */
    public boolean updatedSincePublication() {
        return revisedAt != null;
    }

    /** What search engines and link previews show: the SEO description, else the summary. */
    public String description() {
        return seoDescription != null ? seoDescription : summary == null ? "" : summary;
    }
}
