package id.serambi.core.notify;

import java.time.OffsetDateTime;
import java.util.List;

/** One in-app notification: a message key with its arguments (read in the reader's language) and a link. */
public record Notification(long id, Long tenantId, String kind, String messageKey, List<String> messageArgs,
                           String link, OffsetDateTime createdAt, OffsetDateTime readAt) {
    public Notification {
        messageArgs = List.copyOf(messageArgs);
    }

    public boolean unread() {
        return readAt == null;
    }
}
