package id.serambi.admin.jobs;

import id.serambi.admin.AdminApp;
import id.serambi.core.feed.FeedPoller;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Reads the agencies' feeds that are due (each every 15 minutes, later after failures). Every console node
 * runs it each minute; the poller's SKIP LOCKED lease makes each feed go to one node only. Switched off with
 * {@code serambi.feeds.enabled=false} (tests that drive the poller themselves).
 */
@Singleton
@AdminApp
@Requires(property = "serambi.feeds.enabled", value = "true", defaultValue = "true")
class FeedPollingJob {
    private final FeedPoller poller;

    FeedPollingJob(FeedPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelay = "${serambi.feeds.check-interval:1m}", initialDelay = "${serambi.feeds.check-interval:1m}")
    void pollDue() {
        poller.pollDue();
    }
}
