package id.serambi.core.account;

import java.time.OffsetDateTime;

/** One live session as its owner sees it in "Sesi saya". */
public record SessionInfo(long id, OffsetDateTime createdAt, OffsetDateTime lastSeenAt, String clientIp,
                          String userAgent, boolean current) {
}
