package id.serambi.core.portal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public-information (PPID) document: its post and the file readers download. */
public record PortalDocument(long id, String title, String slug, String summary, String documentCategory,
                             Integer documentYear, OffsetDateTime shownDate, UUID fileId, String fileName,
                             String contentType, Long byteSize) {
    /** The file under the media address, or null when the file is gone. */
    public String fileUrl(String tenantSlug) {
        return fileId == null ? null : "/" + tenantSlug + "/media/" + fileId + "/original";
    }
}
