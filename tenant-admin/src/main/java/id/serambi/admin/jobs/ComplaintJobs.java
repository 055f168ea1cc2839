package id.serambi.admin.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.admin.AdminApp;
import id.serambi.core.complaint.ComplaintService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * The complaint clocks: overdue steps notify the official and officers (a dedupe key per step, so every console
 * node may run this and each person is told once), delivered answers left 14 days close, and complaints past
 * their agency's retention lose the complainant's data (row locks and idempotent updates: safe on every node).
 */
@Singleton
@AdminApp
class ComplaintJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintJobs.class);
    private final ComplaintService complaints;

    ComplaintJobs(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Scheduled(fixedDelay = "${serambi.complaints.clock-interval:1m}", initialDelay = "30s")
    void clocks() {
        try {
            complaints.notifyOverdue();
            complaints.closeUnanswered();
        } catch (RuntimeException e) {
            LOG.warn("complaint clocks failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${serambi.complaints.retention-interval:6h}", initialDelay = "5m")
    void retention() {
        try {
            complaints.anonymiseExpired();
        } catch (RuntimeException e) {
            LOG.warn("complaint retention failed: {}", e.toString());
        }
    }
}
