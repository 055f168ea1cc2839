package id.serambi.core.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.i18n.Messages;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;

/**
 * Outgoing mail. {@link #enqueue} writes the message into the outbox in the caller's transaction (the mail
 * exists exactly when the change that caused it was committed); {@link #sendDue} hands due messages to the
 * SMTP server and, when it is unreachable, tries again later with a growing pause, so nothing is lost.
 */
@Singleton
public class MailService {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    private final OutboxRepository outbox;
    private final SmtpMailer smtp;
    private final Clock clock;

    MailService(OutboxRepository outbox, SmtpMailer smtp, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
    }

    /**
     * Queues a plain-text message whose subject and body come from the core message bundle (Indonesian
     * unless {@code locale} says English): keys {@code mail.<kind>.subject} and {@code mail.<kind>.body}.
     */
    @Transactional
    public long enqueue(TenantId tenant, String kind, String recipient, Locale locale, Object... args) {
        Messages messages = Messages.of(locale == null ? Messages.INDONESIAN : locale);
        return enqueueText(tenant, kind, recipient, messages.get("mail." + kind + ".subject", args),
                messages.get("mail." + kind + ".body", args));
    }

    /** Queues a message whose text the caller has composed. */
    @Transactional
    public long enqueueText(TenantId tenant, String purpose, String recipient, String subject, String body) {
        return outbox.insert(tenant == null ? null : tenant.value(), purpose, recipient.trim(), subject, body,
                OffsetDateTime.now(clock));
    }

    /** Sends the messages that are due; returns how many the SMTP server accepted. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int sent = 0;
        for (var mail : outbox.claimDue(now, now.plus(LEASE), BATCH)) {
            try {
                smtp.send(mail.recipient(), mail.subject(), mail.body());
                outbox.markSent(mail.id(), OffsetDateTime.now(clock));
                sent++;
            } catch (MessagingException | RuntimeException e) {
                Duration wait = retryAfter(mail.attempts() + 1);
                LOG.warn("mail {} not sent (attempt {}), next try in {}: {}", mail.id(), mail.attempts() + 1, wait, e.toString());
                outbox.markFailed(mail.id(), describe(e), OffsetDateTime.now(clock).plus(wait));
            }
        }
        return sent;
    }

    /** 1, 2, 4 … minutes after the n-th failure, at most an hour: an outage of a day costs ~24 tries per mail. */
    static Duration retryAfter(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
