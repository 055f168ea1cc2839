package id.serambi.core.feed;

import java.time.OffsetDateTime;

/**
 * A registered feed and how its polling goes. {@code lastError} is the Indonesian reason of the last failure
 * (null once a poll succeeds again); {@code consecutiveFailures} drives the back-off.
 */
public record ExternalFeed(long id, long tenantId, String tenantSlug, String tenantName, String url,
                           OffsetDateTime lastPolledAt, OffsetDateTime nextPollAt, int consecutiveFailures,
                           String lastError, OffsetDateTime lastSuccessAt, boolean enabled, OffsetDateTime createdAt) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
