package id.serambi.core.media;

import java.util.Arrays;
import java.util.Optional;

/** What a media item is; each kind has its own size limit and its own way of being stored and served. */
public enum MediaKind {
    IMAGE, DOCUMENT, VIDEO, YOUTUBE;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static Optional<MediaKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.dbValue().equals(value)).findFirst();
    }

    public String messageKey() {
        return "media.kind." + dbValue();
    }
}
