package id.serambi.core.media;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Limits of the media library, configurable per installation ({@code serambi.media.*}). The HTTP layer's own
 * request limit ({@code micronaut.server.multipart.max-file-size}) must be at least the largest of these.
 */
@Singleton
public class MediaSettings {
    private static final long MB = 1024L * 1024;
    private final long maxImageBytes;
    private final long maxDocumentBytes;
    private final long maxVideoBytes;
    private final long maxPixels;

    MediaSettings(@Value("${serambi.media.max-image-mb:10}") long imageMb,
                  @Value("${serambi.media.max-document-mb:20}") long documentMb,
                  @Value("${serambi.media.max-video-mb:100}") long videoMb,
                  @Value("${serambi.media.max-megapixels:40}") long megapixels) {
        this.maxImageBytes = imageMb * MB;
        this.maxDocumentBytes = documentMb * MB;
        this.maxVideoBytes = videoMb * MB;
        this.maxPixels = megapixels * 1_000_000;
    }

    public long maxBytes(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> maxImageBytes;
            case DOCUMENT -> maxDocumentBytes;
            case VIDEO -> maxVideoBytes;
            case YOUTUBE -> 0;
        };
    }

    /** The largest file any kind accepts: an upload is never read further than this. */
    public long maxUploadBytes() {
        return Math.max(maxImageBytes, Math.max(maxDocumentBytes, maxVideoBytes));
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** "10 MB" / "1,5 MB": sizes as people read them. */
    public static String humanSize(long bytes) {
        if (bytes < MB) {
            return Math.max(1, bytes / 1024) + " KB";
        }
        if (bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        // Rounded up, so that a file just over a limit never reads as equal to it ("1,1 MB", not "1,0 MB").
        double tenths = Math.ceil(bytes * 10.0 / MB) / 10;
        return String.format(java.util.Locale.ROOT, "%.1f", tenths).replace('.', ',') + " MB";
    }
}
