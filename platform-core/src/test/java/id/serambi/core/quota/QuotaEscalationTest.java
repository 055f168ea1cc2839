package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.MailServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * Escalation after consecutive weeks not met ({@code serambi.quota.escalate-after}, default 2), and the job run
 * at the same moment on two nodes sending each reminder once.
 */
@MicronautTest(transactional = false)
class QuotaEscalationTest extends EscalationDistrict {
    @Test
    void one_week_not_met_does_not_escalate_two_in_a_row_do() {
        now("2026-11-30T09:30");
        QuotaReminders.Outcome monday = reminders.run();

        assertThat(escalations("kominfo-esk", satu)).as("one week missed").isZero();
        assertThat(escalations("kominfo-esk", dua)).as("two weeks in a row").isEqualTo(1);
        assertThat(escalations("kominfo-esk", tiga)).as("three weeks in a row").isEqualTo(1);
        assertThat(escalations("sekda-esk", dua)).isEqualTo(1);
        assertThat(escalations("sekda-esk", satu)).isZero();
        assertThat(monday.escalations()).as("dua and tiga, each to Kominfo and the coordinator").isEqualTo(4);
        assertThat(reminders.run().escalations()).as("a rerun sends nothing").isZero();
    }

    @Test
    void the_mid_week_reminder_run_on_two_nodes_at_once_reaches_each_admin_once() throws Exception {
        // Wednesday of W49: nobody has published this week, so each of the three admins is reminded.
        List<QuotaReminders.Outcome> outcomes = onTwoNodesAtOnce("2026-12-02T09:05");

        assertThat(outcomes.stream().mapToInt(QuotaReminders.Outcome::reminders).sum())
                .as("the two nodes together").isEqualTo(3);
        assertThat(outcomes).as("one node did it all while the other waited for the lock")
                .anySatisfy(o -> assertThat(o.reminders()).isZero());
        for (String slug : List.of("satu", "dua", "tiga")) {
            assertThat(smtp.messagesTo("admin@" + slug + ".go.id"))
                    .filteredOn(m -> MailServer.subject(m).contains("Dinas " + slug + " minggu ini belum terpenuhi"))
                    .as(slug + ": one reminder in the mailbox").hasSize(1);
            assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom("mail_outbox")
                    .where("recipient = ? and purpose = 'quota_reminder'", "admin@" + slug + ".go.id"))))
                    .as(slug + ": one reminder in the outbox").isEqualTo(1);
        }
    }
}
