package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.Role;
import id.serambi.core.mail.MailService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.MailServer;
import id.serambi.core.testing.TestClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * Reminders, summaries and escalations reach each person once: the job runs, the application "restarts" (a
 * new context on the same database) and runs again, and every mail server inbox holds exactly one message.
 */
@MicronautTest(transactional = false)
class QuotaRemindersTest extends QuotaMailScenario {
    @Override
    protected String zone() {
        return "Asia/Makassar";
    }

    @Test
    void each_person_gets_one_mail_and_one_notification_however_often_the_job_runs() {
        Tenant risky = tenant("lambat", "2026-01-05T08:00");
        Tenant fine = tenant("tepat", "2026-01-05T08:00");
        Fixtures.platformUser(accounts, "kominfo-a", Role.PLATFORM_ADMIN);
        Fixtures.platformUser(accounts, "koordinator", Role.COORDINATOR);
        email("admin-lambat", "admin@lambat.go.id");
        email("admin-tepat", "admin@tepat.go.id");
        email("kominfo-a", "kominfo@contohkab.go.id");
        email("koordinator", "koordinator@contohkab.go.id");
        post(fine, "news", "2026-11-23T08:00");
        post(fine, "news", "2026-11-24T08:00");

        now("2026-11-25T08:59");  // Wednesday, before the reminder time
        assertThat(reminders.run()).isEqualTo(new QuotaReminders.Outcome(0, 0, 0, 0));
        now("2026-11-25T09:00");
        assertThat(reminders.run().reminders()).isEqualTo(1);
        assertThat(reminders.run().reminders()).as("second run, same node").isZero();
        mail.sendDue();
        restartedRuns("2026-11-25T09:15");

        assertThat(smtp.messagesTo("admin@lambat.go.id")).hasSize(1);
        assertThat(MailServer.subject(smtp.messagesTo("admin@lambat.go.id").get(0))).contains("Dinas lambat");
        assertThat(MailServer.decoded(smtp.messagesTo("admin@lambat.go.id").get(0)))
                .contains("0 dari 2", "Perlu 2 lagi sebelum Minggu pukul 23.59", "/admin/t/lambat/kuota");
        assertThat(smtp.messagesTo("admin@tepat.go.id")).as("met: no reminder").isEmpty();
        assertThat(notifications("admin-lambat", "quota.reminder")).isEqualTo(1);

        // Monday: last week's result to each tenant's admins, the district summary to Kominfo, and an escalation
        // for "lambat" (not met for weeks in a row) to Kominfo and the coordinator.
        now("2026-11-30T09:30");
        QuotaReminders.Outcome monday = reminders.run();
        assertThat(monday).isEqualTo(new QuotaReminders.Outcome(0, 2, 1, 2));
        mail.sendDue();
        restartedRuns("2026-11-30T10:00");
        restartedRuns("2026-12-01T10:00");

        assertThat(smtp.messagesTo("admin@lambat.go.id")).hasSize(2);
        assertThat(smtp.messagesTo("admin@tepat.go.id")).hasSize(1);
        assertThat(MailServer.subject(smtp.messagesTo("admin@tepat.go.id").get(0))).contains("2026-W48", "Terpenuhi");
        assertThat(smtp.messagesTo("kominfo@contohkab.go.id")).hasSize(2);   // district summary + escalation
        assertThat(smtp.messagesTo("koordinator@contohkab.go.id")).hasSize(1);
        assertThat(MailServer.subject(smtp.messagesTo("koordinator@contohkab.go.id").get(0)))
                .contains("Dinas lambat tidak memenuhi kuota");
        assertThat(notifications("admin-lambat", "quota.summary")).isEqualTo(1);
        assertThat(notifications("kominfo-a", "quota.district_summary")).isEqualTo(1);
        assertThat(notifications("kominfo-a", "quota.escalation")).isEqualTo(1);
        assertThat(notifications("koordinator", "quota.escalation")).isEqualTo(1);
        assertThat(notifications("koordinator", "quota.district_summary")).as("only Kominfo's staff").isZero();
    }

    /** A fresh application on the same database at the given time: it runs the job and sends its mail, twice. */
    private void restartedRuns(String localTime) {
        try (ApplicationContext restarted = ApplicationContext.builder().environments("test").properties(new HashMap<>(properties)).start()) {
            TestClock itsClock = restarted.getBean(TestClock.class);
            itsClock.advance(Duration.between(itsClock.instant(), local(localTime)));
            QuotaReminders again = restarted.getBean(QuotaReminders.class);
            assertThat(List.of(again.run(), again.run())).containsOnly(new QuotaReminders.Outcome(0, 0, 0, 0));
            restarted.getBean(MailService.class).sendDue();
        }
    }

    private void email(String username, String address) {
        sql("update app_user set email = ? where username = ?", address, username);
    }

    private int notifications(String username, String kind) {
        return DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom("notification n join app_user u on u.id = n.user_id")
                .where("u.username = ? and n.kind = ?", username, kind)));
    }
}
