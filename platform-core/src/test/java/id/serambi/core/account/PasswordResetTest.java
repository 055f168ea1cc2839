package id.serambi.core.account;

import static id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.mail.MailService;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.MailServer;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class PasswordResetTest extends DatabaseTest {
    static final String NEW_PASSWORD = "lentera-kuning-di-ujung-gang";
    final MailServer smtp = new MailServer().start();
    @Inject AccountService accounts;
    @Inject CredentialService credentials;
    @Inject SessionService sessions;
    @Inject MailService mail;
    @Inject TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void people() {
        accounts.createMember(Fixtures.SYSTEM, null, new NewAccount("dewi", "Dewi", "dewi@kominfo.contohkab.go.id", Fixtures.PASSWORD),
                Role.PLATFORM_STAFF, false);
        accounts.createMember(Fixtures.SYSTEM, null, new NewAccount("joko", "Joko", "joko@kominfo.contohkab.go.id", Fixtures.PASSWORD),
                Role.PLATFORM_STAFF, false);
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_reset_link_by_mail_sets_a_new_password_once_and_ends_every_session() {
        Account dewi = accounts.find(new UserId(DirectSql.query(database, db -> db.select(id.serambi.core.jooq.public_.Tables.APP_USER.ID)
                .from(id.serambi.core.jooq.public_.Tables.APP_USER).where(id.serambi.core.jooq.public_.Tables.APP_USER.USERNAME.eq("dewi"))
                .fetchOne().value1()))).orElseThrow();
        String session = sessions.open(dewi, "10.0.0.5", "uji");
        credentials.requestPasswordReset("DEWI@kominfo.contohkab.go.id", "10.0.0.5", "uji");
        mail.sendDue();
        var received = smtp.messagesTo("dewi@kominfo.contohkab.go.id");
        String token = MailServer.tokenIn(received.get(received.size() - 1), CredentialService.RESET_PATH);
        assertThat(MailServer.decoded(received.get(received.size() - 1))).contains("berlaku 30 menit");

        credentials.resetPassword(token, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.5", "uji");
        assertThat(sessions.actorFor(session, "10.0.0.5", "uji")).as("every session ended").isEmpty();
        assertThat(accounts.authenticate("dewi", NEW_PASSWORD, "10.0.0.5", "uji")).isInstanceOf(LoginResult.SignedIn.class);
        assertThatThrownBy(() -> credentials.resetPassword(token, NEW_PASSWORD + "2", NEW_PASSWORD + "2", "10.0.0.5", "uji"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_reset_link_lives_thirty_minutes() {
        credentials.requestPasswordReset("joko", "10.0.0.6", "uji");
        mail.sendDue();
        var received = smtp.messagesTo("joko@kominfo.contohkab.go.id");
        String token = MailServer.tokenIn(received.get(received.size() - 1), CredentialService.RESET_PATH);
        clock.advance(Duration.ofMinutes(31));
        assertThat(credentials.pendingReset(token)).isEmpty();
    }

    @Test
    void an_unknown_name_mails_nothing_and_requests_are_throttled_per_account_and_per_address() {
        int before = outboxSize();
        credentials.requestPasswordReset("tidak.ada", "10.0.0.7", "uji");
        assertThat(outboxSize()).isEqualTo(before);

        for (int i = 0; i < 5; i++) {
            credentials.requestPasswordReset("joko", "10.1.0." + i, "uji");
        }
        assertThat(outboxSize() - before).as("three per account per hour").isEqualTo(CredentialService.RESETS_PER_ACCOUNT_PER_HOUR);
        clock.advance(Duration.ofMinutes(61));
        int afterHour = outboxSize();
        for (int i = 0; i < 12; i++) {
            credentials.requestPasswordReset(i % 2 == 0 ? "dewi" : "joko-" + i, "10.9.9.9", "uji");
        }
        assertThat(outboxSize() - afterHour).as("the address's quota").isLessThanOrEqualTo(CredentialService.RESETS_PER_ACCOUNT_PER_HOUR);
        for (int i = 0; i < 3; i++) {
            credentials.requestPasswordReset("joko", "10.9.9.9", "uji");
        }
        assertThat(outboxSize() - afterHour).as("the address is throttled for known names too")
                .isLessThanOrEqualTo(CredentialService.RESETS_PER_ACCOUNT_PER_HOUR);
    }

    private int outboxSize() {
        return DirectSql.query(database, db -> db.fetchCount(MAIL_OUTBOX));
    }
}
