package id.serambi.core.post;

import java.time.OffsetDateTime;

import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;

public record Post(PostId id, TenantId tenantId, PostKind kind, PostStatus status, String title, String slug,
                   String summary, String bodyHtml, OffsetDateTime firstPublishedAt, OffsetDateTime publishedAt,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, UserId authorId, OffsetDateTime scheduledAt,
                   OffsetDateTime displayDate, String seoDescription, OffsetDateTime revisedAt) {
}
