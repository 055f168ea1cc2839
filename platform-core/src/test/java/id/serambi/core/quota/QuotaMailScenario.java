package id.serambi.core.quota;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import id.serambi.core.account.AccountService;
import id.serambi.core.mail.MailService;
import id.serambi.core.testing.MailServer;
import jakarta.inject.Inject;

/**
 * A quota scenario whose reminders and escalations go out as real mail: a GreenMail server for the test class,
 * the job and the mail sender, and the test's properties kept so that a second application context (a restart,
 * or a second node) can start on the same database and mail server.
 */
abstract class QuotaMailScenario extends QuotaScenario {
    final MailServer smtp = new MailServer().start();
    @Inject QuotaReminders reminders;
    @Inject MailService mail;
    @Inject AccountService accounts;
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        properties = super.getProperties();
        return properties;
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> all = new HashMap<>(super.extraProperties());
        all.putAll(smtp.properties());
        return all;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }
}
