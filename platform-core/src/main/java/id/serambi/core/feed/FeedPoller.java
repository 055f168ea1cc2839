package id.serambi.core.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Singleton;

/**
 * Polls the feeds that are due. Console nodes run it every minute; feeds are claimed with SKIP LOCKED and a
 * lease, so however many nodes run it, each feed is fetched by one of them. Every feed is on its own: the
 * network fetch happens outside any transaction, its ingestion is one transaction, and whatever goes wrong
 * with one feed (a timeout, a hostile document, a bug) is recorded on that feed and the round goes on.
 */
@Singleton
public class FeedPoller {
    static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedService service;
    private final FeedFetcher fetcher;

    FeedPoller(FeedService service, FeedFetcher fetcher) {
        this.service = service;
        this.fetcher = fetcher;
    }

    /** What one round did. */
    public record Round(int polled, int failed, int postsCreated) {
    }

    public Round pollDue() {
        int polled = 0;
        int failed = 0;
        int created = 0;
        for (FeedRepository.Claimed feed : service.claimDue(BATCH)) {
            polled++;
            try {
                FeedFetcher.Result result = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
                if (result instanceof FeedFetcher.Fetched fetched) {
                    created += service.ingest(feed, FeedParser.parse(fetched.body()), fetched.etag(),
                            fetched.lastModified());
                } else {
                    service.recordNotModified(feed);
                }
            } catch (FeedFailure e) {
                failed++;
                recordFailure(feed, e.messageKey(), e.args());
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("feed {} of {} could not be ingested", feed.id(), feed.tenantSlug(), e);
                recordFailure(feed, "feed.error.internal");
            }
        }
        return new Round(polled, failed, created);
    }

    private void recordFailure(FeedRepository.Claimed feed, String key, Object... args) {
        try {
            service.recordFailure(feed, key, args);
        } catch (RuntimeException e) {
            // The lease runs out and the feed comes round again; the poller itself carries on.
            LOG.warn("failure of feed {} could not be recorded: {}", feed.id(), e.toString());
        }
    }
}
