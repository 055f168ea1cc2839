package id.serambi.core.portal;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.tenant.TenantId;

/**
 * A published post as the reader pages show it: with its agency, category, tags, featured image and, for a
 * post taken from an agency's own feed, the address of the original.
 */
public record ReaderPost(long id, TenantId tenantId, String tenantSlug, String tenantName, String kind, String title,
                         String slug, String summary, String bodyHtml, OffsetDateTime displayDate,
                         OffsetDateTime publishedAt, OffsetDateTime revisedAt, String seoDescription,
                         PortalCategory category, List<String> tags, PortalImage featured, String sourceUrl) {
    public ReaderPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The date the newsroom chose to show (its display date), else when it was published. */
    public OffsetDateTime shownDate() {
        return displayDate != null ? displayDate : publishedAt;
    }

    /** Saved again after publication: the page then says "Diperbarui" with {@link #revisedAt()}. */
    public boolean updatedSincePublication() {
        return revisedAt != null;
    }

    /** What search engines and link previews show: the SEO description, else the summary. */
    public String description() {
        return seoDescription != null ? seoDescription : summary == null ? "" : summary;
    }

    /** The path of the post's own page inside the agency's site ({@code base} is "" on its own host, else "/slug"). */
    public String path(String base) {
        return PostPath.of(base, kind, slug);
    }
}
