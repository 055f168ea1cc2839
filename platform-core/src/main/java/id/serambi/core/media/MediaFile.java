package id.serambi.core.media;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A stored file ready to send, with the headers that make it safe: its own content type (never sniffed),
 * documents as downloads under a clean name, images and videos inline.
 */
public record MediaFile(InputStream content, String contentType, String contentDisposition, boolean immutable) {

    public static MediaFile of(InputStream content, MediaKind kind, String contentType, String fileName, String variant) {
        boolean original = "original".equals(variant);
        String type = kind == MediaKind.IMAGE ? variantContentType(contentType) : contentType;
        String disposition = kind == MediaKind.DOCUMENT ? attachmentDisposition(fileName) : "inline";
        return new MediaFile(content, type, disposition, !original || kind != MediaKind.DOCUMENT);
    }

    private static String variantContentType(String contentType) {
        return "image/png".equals(contentType) ? "image/png" : "image/jpeg";
    }

    /** A download, never shown inline, under its clean name (any file a user sent, not only the media library's). */
    public static String attachmentDisposition(String fileName) {
        return "attachment; " + dispositionName(fileName);
    }

    /** filename= in plain ASCII (quotes, slashes and controls gone) and filename*= with the real name in UTF-8. */
    static String dispositionName(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("[^A-Za-z0-9._ ()-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
