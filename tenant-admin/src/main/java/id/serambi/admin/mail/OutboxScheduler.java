package id.serambi.admin.mail;

import id.serambi.admin.AdminApp;
import id.serambi.core.mail.MailService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Sends the outbox every {@code serambi.mail.interval} (30 s by default) on console nodes whose
 * {@code serambi.mail.enabled} is true. Several nodes may run it: rows are claimed with SKIP LOCKED.
 */
@Singleton
@AdminApp
@Requires(property = "serambi.mail.enabled", value = "true")
class OutboxScheduler {
    private final MailService mail;

    OutboxScheduler(MailService mail) {
        this.mail = mail;
    }

    @Scheduled(fixedDelay = "${serambi.mail.interval:30s}", initialDelay = "${serambi.mail.interval:30s}")
    void sendDue() {
        mail.sendDue();
    }
}
