package id.serambi.core.feed;

import java.time.Duration;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How feeds are fetched. {@code serambi.feeds.allow-private-addresses} exists for tests against a server on
 * 127.0.0.1 and must stay off in production: it lets a registered address reach the platform's own network.
 */
@Singleton
public class FeedSettings {
    private final boolean allowPrivateAddresses;
    private final Duration timeout;
    private final int maxBytes;
    private final Duration interval;
    private final Duration longestBackOff;

    FeedSettings(@Value("${serambi.feeds.allow-private-addresses:false}") boolean allowPrivateAddresses,
                 @Value("${serambi.feeds.timeout:10s}") Duration timeout,
                 @Value("${serambi.feeds.max-bytes:2097152}") int maxBytes,
                 @Value("${serambi.feeds.interval:15m}") Duration interval,
                 @Value("${serambi.feeds.longest-back-off:24h}") Duration longestBackOff) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.interval = interval;
        this.longestBackOff = longestBackOff;
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /** The whole fetch, connection to last byte, across redirects. */
    public Duration timeout() {
        return timeout;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** How often a healthy feed is polled. */
    public Duration interval() {
        return interval;
    }

    /** The pause after {@code failures} failures in a row: the interval, doubled per further failure, capped. */
    public Duration backOff(int failures) {
        Duration wait = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
        return wait.compareTo(longestBackOff) > 0 ? longestBackOff : wait;
    }
}
