package id.serambi.core.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed set of static files (stylesheets) of one app, read once from the classpath, each with a content
 * hash for its ETag. Only the names given are served: nothing else on the classpath can be reached.
 */
public final class ClasspathAssets {

    /** One file: its bytes, media type and strong ETag. */
    public record Asset(byte[] bytes, String mediaType, String etag) {
    }

    private final String folder;
    private final Map<String, String> mediaTypes;
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** @param mediaTypes file name to media type, e.g. "portal.css" → "text/css;charset=utf-8" */
    public ClasspathAssets(String folder, Map<String, String> mediaTypes) {
        this.folder = folder;
        this.mediaTypes = Map.copyOf(mediaTypes);
    }

    public Optional<Asset> find(String name) {
        if (!mediaTypes.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(name, this::load));
    }

    private Asset load(String name) {
        try (InputStream in = ClasspathAssets.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the build: " + folder + "/" + name);
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, mediaTypes.get(name), "\"" + HexFormat.of().formatHex(hash, 0, 8) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
