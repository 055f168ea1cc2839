package id.serambi.core.safety;

import java.util.List;

import id.serambi.core.tenant.TenantId;

/**
 * Seam to the media library: the files attached to a post, so the safety check can read the text of its PDFs.
 * The media feature provides the real implementation (a bean of this type); until then
 * {@link NoPostAttachments} answers "none".
 */
public interface PostAttachments {
    /** One attached file; {@code bytes} only needs to be read for PDFs. */
    record Attachment(String name, String mediaType, byte[] bytes) {
        public boolean isPdf() {
            return "application/pdf".equals(mediaType);
        }
    }

    List<Attachment> of(TenantId tenant, long postId);
}
