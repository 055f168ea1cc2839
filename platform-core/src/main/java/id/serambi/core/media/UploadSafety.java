package id.serambi.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;

/**
 * The media library's upload safety for files that are not media items, such as a complaint's attachments:
 * the type from the bytes (never the name), the same refusals (SVG, HTML, programs, polyglots, active PDFs),
 * and images re-encoded so that EXIF (a citizen's location, a camera's serial) never reaches the database.
 * Only images and PDF are accepted here; office documents and video are the library's, not an attachment's.
 */
public final class UploadSafety {
    /** One attachment's limit: a phone photo or a scanned letter, not an archive of them. */
    public static final long ATTACHMENT_MAX_BYTES = 5L * 1024 * 1024;
    /** Large enough for any phone camera, small enough that decoding cannot exhaust memory. */
    private static final long ATTACHMENT_MAX_PIXELS = 50_000_000L;

    /** A file that passed: its (possibly renamed) file name, the content type to serve and the bytes to keep. */
    public record SafeFile(String fileName, String contentType, byte[] bytes) {
    }

    private UploadSafety() {
    }

    /**
     * Checks an attachment and returns what may be stored; throws {@link InvalidInputException} on field
     * {@code file} with a message key for the person who sent it.
     */
    public static SafeFile inspectAttachment(String fileName, byte[] bytes) {
        String name = cleanName(fileName);
        if (bytes == null || bytes.length == 0) {
            throw FileInspector.refused("media.refused.empty");
        }
        if (bytes.length > ATTACHMENT_MAX_BYTES) {
            throw new InvalidInputException(FieldError.of(FileInspector.FIELD, "complaint.attachment.too_large",
                    name, ATTACHMENT_MAX_BYTES / (1024 * 1024)));
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("serambi-attachment", ".bin");
            Files.write(temp, bytes);
            FileType type = FileInspector.inspect(name, temp);
            if (type == FileType.PDF) {
                return new SafeFile(name, type.contentType("pdf"), bytes);
            }
            if (type.kind() != MediaKind.IMAGE) {
                throw new InvalidInputException(FieldError.of(FileInspector.FIELD, "complaint.attachment.kind", name));
            }
            ImageProcessor.Processed image = ImageProcessor.process(type, bytes, ATTACHMENT_MAX_PIXELS);
            String extension = "image/png".equals(image.contentType()) ? "png" : "jpg";
            return new SafeFile(withExtension(name, extension), image.contentType(), image.variant("full").bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is the OS's to clean
                }
            }
        }
    }

    /** The name without any folder a browser sent along, and at most 200 characters (the column's limit). */
    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** A re-encoded image is stored as what it now is: a GIF or WebP becomes a PNG or JPEG. */
    private static String withExtension(String name, String extension) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String current = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (current.equals(extension) || (extension.equals("jpg") && current.equals("jpeg"))) {
            return name;
        }
        return base + "." + extension;
    }
}
