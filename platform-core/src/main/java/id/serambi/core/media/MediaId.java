package id.serambi.core.media;

import java.util.Optional;
import java.util.UUID;

/** A media item's random id: public file addresses carry it, so it must not be guessable or countable. */
public record MediaId(UUID value) {
    public static Optional<MediaId> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text.toLowerCase()) ? Optional.of(new MediaId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
