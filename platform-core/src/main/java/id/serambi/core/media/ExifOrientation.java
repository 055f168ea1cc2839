package id.serambi.core.media;

/** Reads only the orientation tag (0x0112) from a JPEG's EXIF segment; 1 (upright) when absent or unreadable. */
final class ExifOrientation {
    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int i = 2;
            while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (marker == 0xDA) {
                    return 1; // image data starts: no EXIF before it
                }
                if (marker == 0xE1 && length > 14 && new String(jpeg, i + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                    return fromTiff(jpeg, i + 10);
                }
                i += 2 + length;
            }
        } catch (ArrayIndexOutOfBoundsException broken) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff) {
        boolean little = b[tiff] == 'I';
        int ifd = tiff + int32(b, tiff + 4, little);
        int entries = int16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + e * 12;
            if (int16(b, entry, little) == 0x0112) {
                return int16(b, entry + 8, little);
            }
        }
        return 1;
    }

    private static int int16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at, boolean little) {
        return little ? int16(b, at, true) | int16(b, at + 2, true) << 16 : int16(b, at, false) << 16 | int16(b, at + 2, false);
    }
}
