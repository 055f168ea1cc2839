package id.serambi.core.post;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum PostKind {
    NEWS, ANNOUNCEMENT, PAGE, DOCUMENT, GALLERY;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PostKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.dbValue().equals(value)).findFirst();
    }
}
