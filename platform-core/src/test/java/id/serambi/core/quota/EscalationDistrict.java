package id.serambi.core.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;

import id.serambi.core.account.Role;
import id.serambi.core.mail.MailService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.context.ApplicationContext;

/**
 * A district for the escalation tests, with a way to run the quota job on two nodes at once (two application
 * contexts on one database, started together).
 *
 * <p>Three agencies active since Sunday 8 November 2026 (so W45 is exempt and W46 is their first judged week),
 * looked at on Monday 30 November (last week W48): "satu" met W46 and W47 and missed W48 (one week), "dua" met
 * W46 and missed W47 and W48 (two in a row), "tiga" missed W46, W47 and W48 (three in a row).
 */
abstract class EscalationDistrict extends QuotaMailScenario {
    Tenant satu;
    Tenant dua;
    Tenant tiga;

    @Override
    protected String zone() {
        return "Asia/Jakarta";
    }

    @BeforeAll
    void threeAgenciesKominfoAndACoordinator() {
        satu = tenant("satu", "2026-11-08T12:00");
        dua = tenant("dua", "2026-11-08T12:00");
        tiga = tenant("tiga", "2026-11-08T12:00");
        post(satu, "news", "2026-11-10T08:00");
        post(satu, "news", "2026-11-11T08:00");   // W46 met
        post(satu, "news", "2026-11-17T08:00");
        post(satu, "news", "2026-11-18T08:00");   // W47 met; W48 missed
        post(dua, "news", "2026-11-10T08:00");
        post(dua, "news", "2026-11-11T08:00");    // W46 met; W47, W48 missed
        post(tiga, "news", "2026-11-18T08:00");   // W47 partly met; W46 and W48 missed
        Fixtures.platformUser(accounts, "kominfo-esk", Role.PLATFORM_ADMIN);
        Fixtures.platformUser(accounts, "sekda-esk", Role.COORDINATOR);
        sql("update app_user set email = ? where username = ?", "kominfo@contohkab.go.id", "kominfo-esk");
        sql("update app_user set email = ? where username = ?", "sekda@contohkab.go.id", "sekda-esk");
        for (String slug : List.of("satu", "dua", "tiga")) {
            sql("update app_user set email = ? where username = ?", "admin@" + slug + ".go.id", "admin-" + slug);
        }
    }

    /** How many escalations about the tenant the person has received. */
    protected int escalations(String username, Tenant about) {
        return DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom(
                "notification n join app_user u on u.id = n.user_id").where("u.username = ? and n.kind = ? and n.tenant_id = ?",
                username, "quota.escalation", about.id().value())));
    }

    /** Runs the job and then the mail sender at the same moment on this node and on a second node. */
    protected List<QuotaReminders.Outcome> onTwoNodesAtOnce(String localTime) throws Exception {
        now(localTime);
        try (ApplicationContext other = ApplicationContext.builder().environments("test")
                .properties(new HashMap<>(properties)).start()) {
            TestClock itsClock = other.getBean(TestClock.class);
            itsClock.advance(Duration.between(itsClock.instant(), clock.instant()));
            QuotaReminders otherReminders = other.getBean(QuotaReminders.class);
            MailService otherMail = other.getBean(MailService.class);
            List<QuotaReminders.Outcome> outcomes = together(reminders::run, otherReminders::run);
            together(mail::sendDue, otherMail::sendDue);
            return outcomes;
        }
    }

    private static <T> List<T> together(Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
