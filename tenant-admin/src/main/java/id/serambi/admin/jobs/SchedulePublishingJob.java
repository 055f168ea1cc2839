package id.serambi.admin.jobs;

import id.serambi.admin.AdminApp;
import id.serambi.core.post.SchedulePublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Scheduled posts go live within the interval (default 15 s) of their time; the first run is right at start. */
@Singleton
@AdminApp
class SchedulePublishingJob {
    private final SchedulePublisher publisher;

    SchedulePublishingJob(SchedulePublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(fixedDelay = "${serambi.schedule.interval:15s}", initialDelay = "1s")
    void publishDue() {
        publisher.publishDue();
    }
}
