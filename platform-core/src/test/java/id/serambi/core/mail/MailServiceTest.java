package id.serambi.core.mail;

import static id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.i18n.Messages;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.MailServer;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class MailServiceTest extends DatabaseTest {
    final MailServer smtp = new MailServer().start();
    @Inject MailService mail;
    @Inject TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void queued_mail_reaches_the_smtp_server_in_indonesian_and_its_body_is_erased_once_sent() throws Exception {
        long id = mail.enqueue(null, "activation", "siti@dinkes.contohkab.go.id", Messages.INDONESIAN,
                "Siti Aminah", "Dinas Kesehatan", "https://konsol.contohkab.go.id/admin/aktivasi/abc", "24 November 2026", "siti");
        assertThat(mail.sendDue()).isEqualTo(1);
        var received = smtp.messagesTo("siti@dinkes.contohkab.go.id");
        assertThat(received).hasSize(1);
        assertThat(MailServer.subject(received.get(0))).isEqualTo("Aktivasi akun Serambi Anda untuk Dinas Kesehatan");
        assertThat(MailServer.decoded(received.get(0))).contains("Yth. Siti Aminah", "/admin/aktivasi/abc",
                "Serambi tidak pernah mengirim atau menyimpan kata sandi Anda");
        var row = row(id);
        assertThat(row.getSentAt()).isNotNull();
        assertThat(row.getBodyText()).as("the link is not kept").isEmpty();
        assertThat(mail.sendDue()).as("sent once only").isZero();
    }

    @Test
    void an_smtp_outage_delays_mail_with_growing_pauses_and_loses_none() {
        smtp.stop();
        try {
            long first = mail.enqueueText(null, "test", "a@contohkab.go.id", "Satu", "Isi satu");
            long second = mail.enqueueText(null, "test", "b@contohkab.go.id", "Dua", "Isi dua");
            assertThat(mail.sendDue()).isZero();
            var failed = row(first);
            assertThat(failed.getAttempts()).isEqualTo(1);
            assertThat(failed.getLastError()).isNotBlank();
            assertThat(failed.getSentAt()).isNull();

            assertThat(mail.sendDue()).as("not due again before the pause is over").isZero();
            assertThat(row(first).getAttempts()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(mail.sendDue()).isZero();
            var twice = row(first);
            assertThat(twice.getAttempts()).isEqualTo(2);
            assertThat(Duration.between(clock.instant(), twice.getNextAttemptAt().toInstant())).isEqualTo(Duration.ofMinutes(2));

            smtp.start();
            clock.advance(Duration.ofMinutes(2));
            assertThat(mail.sendDue()).isEqualTo(2);
            assertThat(smtp.messagesTo("a@contohkab.go.id")).hasSize(1);
            assertThat(smtp.messagesTo("b@contohkab.go.id")).hasSize(1);
            assertThat(row(second).getLastError()).isNull();
        } finally {
            if (!smtp.running()) {
                smtp.start();
            }
        }
    }

    private id.serambi.core.jooq.public_.tables.records.MailOutboxRecord row(long id) {
        return DirectSql.query(database, db -> db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).fetchOne());
    }

    @Test
    void the_pause_doubles_up_to_an_hour() {
        assertThat(MailService.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailService.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailService.retryAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailService.retryAfter(40)).isEqualTo(Duration.ofHours(1));
    }
}
