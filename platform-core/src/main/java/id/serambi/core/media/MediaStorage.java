package id.serambi.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

import id.serambi.core.tenant.TenantId;

/**
 * Where media files live: a local directory by default, an S3-compatible store when configured
 * ({@code serambi.media.storage: s3}). Keys are {@code tenant/media-id/variant} and nothing else, so no key
 * can name a place outside the store.
 */
public interface MediaStorage {
    Pattern KEY = Pattern.compile("^[0-9]{1,19}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z0-9]{1,20}$");

    static String key(TenantId tenant, MediaId id, String variant) {
        String key = tenant.value() + "/" + id.value() + "/" + variant;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return key;
    }

    /** Stores the bytes under the key; readers see either the old file or the complete new one. */
    void put(String key, byte[] content, String contentType) throws IOException;

    /** Stores a file's content under the key, as {@link #put(String, byte[], String)} does. */
    void put(String key, java.nio.file.Path file, String contentType) throws IOException;

    /** The stored file, if there is one. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    void delete(String key) throws IOException;
}
