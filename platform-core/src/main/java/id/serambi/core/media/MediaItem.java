package id.serambi.core.media;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.tenant.TenantId;

/** One item of an agency's media library. {@code variants} names its stored files (see V8). */
public record MediaItem(MediaId id, TenantId tenantId, MediaKind kind, String contentType, String fileName,
                        long byteSize, String sha256, Integer width, Integer height, List<String> variants,
                        String altText, String youtubeId, OffsetDateTime createdAt) {
    public MediaItem {
        variants = List.copyOf(variants);
    }

    public boolean isImage() {
        return kind == MediaKind.IMAGE;
    }

    /** Images need a description for readers who cannot see them before a published post may use them. */
    public boolean lacksAltText() {
        return isImage() && (altText == null || altText.isBlank());
    }

    public boolean hasVariant(String name) {
        return variants.contains(name);
    }

    /** The widths (besides the full picture) for {@code srcset}, smallest first. */
    public List<Integer> srcsetWidths() {
        return variants.stream().filter(v -> v.chars().allMatch(Character::isDigit)).map(Integer::valueOf).sorted().toList();
    }

    /** {@code srcset} for an image under {@code base} (e.g. "/dinkes/media/ID/"): each width, then the full picture. */
    public String srcset(String base) {
        StringBuilder srcset = new StringBuilder();
        for (int w : srcsetWidths()) {
            srcset.append(base).append(w).append(' ').append(w).append("w, ");
        }
        return srcset.append(base).append("full ").append(width).append('w').toString();
    }

    public String youtubeWatchUrl() {
        return youtubeId == null ? null : "https://www.youtube.com/watch?v=" + youtubeId;
    }
}
