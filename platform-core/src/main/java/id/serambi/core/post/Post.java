package id.serambi.core.post;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.account.UserId;
import id.serambi.core.media.MediaId;
import id.serambi.core.tenant.TenantId;

/**
 * A post row. Besides the text: its district-wide category and free tags, a featured image from the agency's
 * library; for a {@link PostKind#PAGE} its place in the site's menu ({@code null}: not in the menu); for a
 * {@link PostKind#DOCUMENT} the file, PPID category and year; {@code sourceUrl} when taken from a feed. A
 * gallery's items are read with {@link PostService#gallery}.
 */
public record Post(PostId id, TenantId tenantId, PostKind kind, PostStatus status, String title, String slug,
                   String summary, String bodyHtml, OffsetDateTime firstPublishedAt, OffsetDateTime publishedAt,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, UserId authorId, OffsetDateTime scheduledAt,
                   OffsetDateTime displayDate, String seoDescription, OffsetDateTime revisedAt,
                   Long categoryId, List<String> tags, MediaId featuredMediaId, Integer menuPosition,
                   MediaId documentMediaId, DocumentCategory documentCategory, Integer documentYear,
                   String sourceUrl) {
    public Post {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
