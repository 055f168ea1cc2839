package id.serambi.core.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A YouTube video from a link as people paste it (watch, youtu.be, shorts, embed); only the video id is kept. */
final class YouTubeLinks {
    private static final Pattern VIDEO_ID = Pattern.compile("^[A-Za-z0-9_-]{11}$");
    private static final Set<String> HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com");

    private YouTubeLinks() {
    }

    static Optional<String> videoId(String link) {
        if (link == null || link.length() > 500) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String candidate = null;
        if (host.equals("youtu.be")) {
            candidate = path.length() > 1 ? path.substring(1) : null;
        } else if (HOSTS.contains(host)) {
            if (path.equals("/watch")) {
                candidate = queryParameter(uri.getRawQuery(), "v");
            } else {
                for (String prefix : new String[]{"/shorts/", "/embed/", "/live/"}) {
                    if (path.startsWith(prefix)) {
                        candidate = path.substring(prefix.length());
                    }
                }
            }
        }
        return Optional.ofNullable(candidate).filter(id -> VIDEO_ID.matcher(id).matches());
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
