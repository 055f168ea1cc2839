package id.serambi.core.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import id.serambi.core.support.FieldError;

/** The syntax of the host names a tenant's site answers at (RFC 1123 labels, at least two of them). */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private HostNames() {
    }

    /** The host as stored: trimmed, lower case, without a trailing dot. */
    public static String normalise(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Why {@code host} (already normalised) cannot be a site's host name, if it cannot. */
    public static Optional<FieldError> check(String field, String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of(FieldError.of(field, "validation.required"));
        }
        String[] labels = host.split("\\.", -1);
        boolean valid = host.length() <= 253 && labels.length >= 2
                && java.util.Arrays.stream(labels).allMatch(l -> LABEL.matcher(l).matches())
                // The last label is a top-level domain: never all digits (that would be an IP address).
                && !labels[labels.length - 1].matches("[0-9]+");
        return valid ? Optional.empty() : Optional.of(FieldError.of(field, "validation.host.format"));
    }
}
