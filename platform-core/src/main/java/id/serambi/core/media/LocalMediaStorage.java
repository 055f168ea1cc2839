package id.serambi.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Media files in a directory of the server ({@code serambi.media.dir}), which must lie outside any web root:
 * files reach readers only through Serambi's own routes, with safe headers. Writes go to a temporary file in
 * the same directory first and are then moved into place, so a crash never leaves half a file under a key.
 */
@Singleton
@Requires(property = "serambi.media.storage", value = "local", defaultValue = "local")
class LocalMediaStorage implements MediaStorage {
    private final Path root;

    LocalMediaStorage(@Value("${serambi.media.dir:./serambi-data/media}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = pathOf(key);
        Files.deleteIfExists(file);
        try (var left = Files.list(file.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(file.getParent());
            }
        } catch (NoSuchFileException | java.nio.file.DirectoryNotEmptyException ignored) {
            // already gone, or another variant was written meanwhile
        }
    }

    private Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media key");
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a media key");
        }
        return path;
    }
}
