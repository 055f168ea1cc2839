package id.serambi.admin.api;

import java.time.OffsetDateTime;

import id.serambi.core.post.Post;
import id.serambi.core.tenant.Tenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON shapes of API v1. Request fields are nullable so that a missing one gets a field error, not a 500. */
final class ApiDtos {
    private ApiDtos() {
    }

    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password, @Nullable String code) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    @Serdeable
    record SessionToken(String token, long expiresInSeconds) {
    }

    @Serdeable
    record NewAdmin(@Nullable String username, @Nullable String displayName, @Nullable String email,
                    @Nullable String password) {
        @Override
        public String toString() {
            return "NewAdmin[" + username + "]";
        }
    }

    @Serdeable
    record TenantRequest(@Nullable String slug, @Nullable String name, @Nullable String kind,
                         @Nullable String description, @Nullable NewAdmin admin,
                         @Nullable DesignationLetter designation) {
    }

    /** The letter designating a tenant's first admin; the admin then gets an activation link by email. */
    @Serdeable
    record DesignationLetter(@Nullable String letterNumber, @Nullable String letterDate, @Nullable String signerName,
                             @Nullable String signerTitle, @Nullable String validFrom, @Nullable String validUntil) {
    }

    @Serdeable
    record TenantView(long id, String slug, String name, String kind, String status, int quotaMinPerWeek) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.slug(), t.name(), t.kind().dbValue(), t.status().dbValue(),
                    t.quotaMinPerWeek());
        }
    }

    @Serdeable
    record StatusChange(@Nullable String status, @Nullable String reason) {
    }

    /**
     * A new post. {@code kind}: news (default), announcement, page, document or gallery. The fields beyond the
     * text are optional except a document's {@code documentMediaId}, {@code documentCategory} and
     * {@code documentYear}; fields of another kind are ignored.
     *
     * @param categoryId one of the district's categories (GET /api/v1/tenants/{slug}/categories)
     * @param tags at most 10, each at most 40 characters; stored lower case, trimmed, without duplicates
     * @param featuredMediaId an image of this tenant's media library
     * @param menuPosition pages only: 1–50, the order in the site's menu; absent: not in the menu
     * @param documentMediaId documents only: a PDF or office document of this tenant's media library
     * @param documentCategory documents only: berkala, serta_merta or setiap_saat
     * @param documentYear documents only: the document's year
     * @param gallery galleries only: images and videos of this tenant's library, in order, with captions
     */
    @Serdeable
    record PostRequest(@Nullable String title, @Nullable String summary, @Nullable String bodyHtml, @Nullable String kind,
                       @Nullable Long categoryId, @Nullable java.util.List<String> tags, @Nullable String featuredMediaId,
                       @Nullable Integer menuPosition, @Nullable String documentMediaId, @Nullable String documentCategory,
                       @Nullable Integer documentYear, @Nullable java.util.List<GalleryEntry> gallery) {
        id.serambi.core.post.PostDetails details() {
            return ApiDtos.details(categoryId, tags, featuredMediaId, menuPosition, documentMediaId, documentCategory,
                    documentYear, gallery);
        }
    }

    /** One photo or video of a gallery: a media id of the tenant's library and an optional caption (≤ 300). */
    @Serdeable
    record GalleryEntry(@Nullable String mediaId, @Nullable String caption) {
    }

    @Serdeable
    record GalleryItemView(int position, String mediaId, @Nullable String caption) {
    }

    /** A district category, for {@code categoryId}. */
    @Serdeable
    record CategoryView(long id, String slug, String name) {
    }

    /** The request fields as the service reads them: null keeps (or, for a new post, means none); 0 or "" clears. */
    static id.serambi.core.post.PostDetails details(Long categoryId, java.util.List<String> tags, String featuredMediaId,
                                                    Integer menuPosition, String documentMediaId, String documentCategory,
                                                    Integer documentYear, java.util.List<GalleryEntry> gallery) {
        return new id.serambi.core.post.PostDetails(
                categoryId == null ? null : categoryId == 0 ? "" : String.valueOf(categoryId),
                tags == null ? null : String.join(",", tags.stream().map(t -> t == null ? "" : t).toList()),
                featuredMediaId,
                menuPosition == null ? null : menuPosition == 0 ? "" : String.valueOf(menuPosition),
                documentMediaId, documentCategory,
                documentYear == null ? null : String.valueOf(documentYear),
                gallery == null ? null : gallery.stream().map(g -> g == null ? new id.serambi.core.post.PostDetails.GalleryEntry(null, null)
                        : new id.serambi.core.post.PostDetails.GalleryEntry(g.mediaId() == null ? "" : g.mediaId(), g.caption())).toList());
    }

    /** Optional body of a publication: the reason an editor publishes although personal data was found. */
    @Serdeable
    record PublishRequest(@Nullable String personalDataOverrideReason) {
    }

    /**
     * A post. {@code gallery} is given for a single gallery post (absent in lists); {@code menuPosition} only for
     * pages, the {@code document*} fields only for PPID documents.
     */
    @Serdeable
    record PostView(long id, String kind, String status, String title, String slug, @Nullable String summary,
                    String bodyHtml, @Nullable OffsetDateTime firstPublishedAt, @Nullable OffsetDateTime publishedAt,
                    OffsetDateTime updatedAt, @Nullable OffsetDateTime displayDate, @Nullable String seoDescription,
                    @Nullable OffsetDateTime revisedAt, @Nullable Long categoryId, java.util.List<String> tags,
                    @Nullable String featuredMediaId, @Nullable Integer menuPosition, @Nullable String documentMediaId,
                    @Nullable String documentCategory, @Nullable Integer documentYear, @Nullable String sourceUrl,
                    @Nullable java.util.List<GalleryItemView> gallery) {
        static PostView of(Post p) {
            return of(p, null);
        }

        static PostView of(Post p, java.util.List<id.serambi.core.post.GalleryItem> gallery) {
            return new PostView(p.id().value(), p.kind().dbValue(), p.status().dbValue(), p.title(), p.slug(),
                    p.summary(), p.bodyHtml(), p.firstPublishedAt(), p.publishedAt(), p.updatedAt(), p.displayDate(),
                    p.seoDescription(), p.revisedAt(), p.categoryId(), p.tags(),
                    p.featuredMediaId() == null ? null : p.featuredMediaId().toString(), p.menuPosition(),
                    p.documentMediaId() == null ? null : p.documentMediaId().toString(),
                    p.documentCategory() == null ? null : p.documentCategory().dbValue(), p.documentYear(), p.sourceUrl(),
                    gallery == null ? null : gallery.stream()
                            .map(g -> new GalleryItemView(g.position(), g.mediaId().toString(), g.caption())).toList());
        }
    }

    @Serdeable
    record AltTextRequest(@Nullable String altText) {
    }

    @Serdeable
    record YouTubeRequest(@Nullable String url, @Nullable String title, @Nullable String altText) {
    }

    /** A media item with the addresses of its files in the console (the portal serves the same names publicly). */
    @Serdeable
    record MediaView(String id, String kind, String contentType, String fileName, long byteSize, @Nullable String sha256,
                     @Nullable Integer width, @Nullable Integer height, java.util.List<String> variants,
                     @Nullable String altText, @Nullable String youtubeId, boolean altTextMissing,
                     java.util.Map<String, String> files, OffsetDateTime createdAt) {
        static MediaView of(String tenantSlug, id.serambi.core.media.MediaItem m) {
            java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
            m.variants().forEach(v -> files.put(v, "/admin/t/" + tenantSlug + "/media/" + m.id() + "/" + v));
            return new MediaView(m.id().toString(), m.kind().dbValue(), m.contentType(), m.fileName(), m.byteSize(),
                    m.sha256(), m.width(), m.height(), m.variants(), m.altText(), m.youtubeId(), m.lacksAltText(),
                    files, m.createdAt());
        }
    }

    /** One designation of a tenant's history; never a link or a password. */
    @Serdeable
    record DesignationView(long id, String username, String displayName, @Nullable String email, String role,
                           String letterNumber, java.time.LocalDate letterDate, String signerName, String signerTitle,
                           java.time.LocalDate validFrom, @Nullable java.time.LocalDate validUntil, String status,
                           boolean activated, @Nullable String revokedReason, @Nullable OffsetDateTime revokedAt,
                           String createdBy, OffsetDateTime createdAt) {
        static DesignationView of(id.serambi.core.designation.Designation d) {
            return new DesignationView(d.id(), d.username(), d.displayName(), d.email(), d.role().dbValue(),
                    d.letterNumber(), d.letterDate(), d.signerName(), d.signerTitle(), d.validFrom(), d.validUntil(),
                    d.status(), d.activated(), d.revokedReason(), d.revokedAt(), d.createdBy(), d.createdAt());
        }
    }

    @Serdeable
    record DesignationRequest(@Nullable String displayName, @Nullable String username, @Nullable String email,
                              @Nullable String role, @Nullable String letterNumber, @Nullable String letterDate,
                              @Nullable String signerName, @Nullable String signerTitle, @Nullable String validFrom,
                              @Nullable String validUntil) {
    }

    @Serdeable
    record Revocation(@Nullable String reason) {
    }
}
