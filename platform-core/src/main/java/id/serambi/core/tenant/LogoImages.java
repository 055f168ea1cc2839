package id.serambi.core.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises a logo's image type from its first bytes, whatever the file was called or the browser claimed:
 * PNG, JPEG or WebP. Anything else (an SVG with script, an executable renamed .png) is refused.
 */
public final class LogoImages {
    /** Logos are shown small; 256 KiB is plenty and keeps the table and pages light. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private LogoImages() {
    }

    public static Optional<String> detectType(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG)) {
            return Optional.of("image/png");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (bytes.length >= 12 && new String(bytes, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }
}
