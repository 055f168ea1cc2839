package id.serambi.admin.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.admin.AdminApp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import id.serambi.core.quota.QuotaReminders;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Looks every {@code serambi.quota.reminder-interval} (default 15 min) whether quota reminders, the Monday
 * summaries or escalations are due. Every console node runs it; {@link QuotaReminders} makes it act once.
 */
@Singleton
@AdminApp
// Not in tests: a run at a real Wednesday 09:00 would write into other tests' databases; QuotaRemindersTest
// drives QuotaReminders itself with a test clock.
@Requires(notEnv = Environment.TEST)
class QuotaReminderJob {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaReminderJob.class);
    private final QuotaReminders reminders;

    QuotaReminderJob(QuotaReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${serambi.quota.reminder-interval:15m}", initialDelay = "${serambi.quota.reminder-delay:1m}")
    void remind() {
        try {
            reminders.run();
        } catch (RuntimeException e) {
            // The next run tries again; nothing was half-sent (one transaction).
            LOG.warn("quota reminders failed: {}", e.toString());
        }
    }
}
