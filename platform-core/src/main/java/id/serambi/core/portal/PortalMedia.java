package id.serambi.core.portal;

import java.util.List;

import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaKind;
import id.serambi.core.tenant.TenantId;

/** A media item readers may fetch (not deleted, of a live agency), as the {@code portal.media} view shows it. */
public record PortalMedia(TenantId tenantId, MediaId id, MediaKind kind, String contentType, String fileName,
                          List<String> variants, String altText, String youtubeId, Integer width, Integer height,
                          long byteSize) {
    public PortalMedia {
        variants = List.copyOf(variants);
    }
}
