package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.MailServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * The same district with {@code serambi.quota.escalate-after} set to 3: two weeks in a row no longer escalate,
 * three do; and the Monday run on two nodes at once escalates once, mailed once to each person.
 */
@MicronautTest(transactional = false)
class QuotaEscalationAfterThreeTest extends EscalationDistrict {
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> all = new HashMap<>(super.extraProperties());
        all.put("serambi.quota.escalate-after", "3");
        return all;
    }

    @Test
    void with_three_configured_two_weeks_do_not_escalate_three_do_once_across_two_nodes() throws Exception {
        List<QuotaReminders.Outcome> outcomes = onTwoNodesAtOnce("2026-11-30T09:30");

        assertThat(outcomes.stream().mapToInt(QuotaReminders.Outcome::escalations).sum())
                .as("tiga only, to Kominfo and the coordinator, by one of the nodes").isEqualTo(2);
        assertThat(escalations("kominfo-esk", dua)).as("two weeks in a row").isZero();
        assertThat(escalations("kominfo-esk", satu)).isZero();
        assertThat(escalations("kominfo-esk", tiga)).as("three weeks in a row").isEqualTo(1);
        assertThat(escalations("sekda-esk", tiga)).isEqualTo(1);
        for (String address : List.of("kominfo@contohkab.go.id", "sekda@contohkab.go.id")) {
            assertThat(smtp.messagesTo(address)).filteredOn(m -> MailServer.subject(m).contains("tidak memenuhi kuota"))
                    .as(address + ": one escalation mail").hasSize(1);
            assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom("mail_outbox")
                    .where("recipient = ? and purpose = 'quota_escalation'", address)))).isEqualTo(1);
        }
        assertThat(smtp.messagesTo("kominfo@contohkab.go.id")).filteredOn(m -> MailServer.subject(m).contains("Dinas tiga"))
                .hasSize(1);
    }
}
