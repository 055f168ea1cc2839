package id.serambi.core.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import id.serambi.core.media.UploadSafety;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;

/**
 * Files on a complaint: the citizen's at filing, the officers' on any step. They pass the media library's upload
 * safety ({@link UploadSafety#inspectAttachment}: type from the bytes, no SVG / HTML / programs / active PDF,
 * images re-encoded without EXIF, 5 MB each) and are read only by the agency's complaint roles.
 */
public final class ComplaintAttachments {
    /** Files a citizen may attach to one complaint form. */
    public static final int CITIZEN_MAX = 3;
    /** Files the officers may add to one complaint over its whole life. */
    public static final int OFFICE_MAX = 20;
    /** The form field every attachment error is reported on. */
    public static final String FIELD = "attachments";

    /** A file as it came from a form: the name the browser sent and its bytes. */
    public record Upload(String fileName, byte[] bytes) {
        /** A file input left empty sends a part without a name and without bytes. */
        public boolean isEmpty() {
            return (fileName == null || fileName.isBlank()) && (bytes == null || bytes.length == 0);
        }
    }

    /** An attachment as the agency's list shows it (no bytes). {@code byCitizen}: attached at filing. */
    public record Attachment(long id, String fileName, String contentType, long bytes, boolean byCitizen,
                             OffsetDateTime createdAt) {
    }

    /** What a download serves. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    private ComplaintAttachments() {
    }

    /**
     * The files that pass, in order; each refusal (and too many files) is added to {@code errors} on
     * {@link #FIELD}, so that the form shows them with its other messages.
     */
    static List<UploadSafety.SafeFile> inspect(List<Upload> uploads, int max, List<FieldError> errors) {
        List<Upload> given = uploads.stream().filter(u -> !u.isEmpty()).toList();
        if (given.size() > max) {
            errors.add(FieldError.of(FIELD, "complaint.attachment.too_many", max));
            return List.of();
        }
        List<UploadSafety.SafeFile> safe = new ArrayList<>();
        for (Upload upload : given) {
            try {
                safe.add(UploadSafety.inspectAttachment(upload.fileName(), upload.bytes()));
            } catch (InvalidInputException refused) {
                for (FieldError e : refused.errors()) {
                    errors.add(new FieldError(FIELD, e.messageKey(), e.args()));
                }
            }
        }
        return safe;
    }
}
