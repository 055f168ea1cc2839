package id.serambi.core.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Dispositions down the chain (seed 000): sent, acknowledged, answered, closed, in that order, by the right people. */
@MicronautTest(transactional = false)
class DispositionServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject DispositionService dispositions;
    @Inject NotificationService notifications;
    @Inject TestClock clock;
    @Inject ZoneId zone;

    Actor sekda;
    Actor kominfo;
    Actor dinsosAdmin;
    Actor dishubAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void twoAgenciesAndACoordinator() {
        Fixtures.tenantWithAdmin(tenants, "dinsos", "Dinas Sosial");
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        Fixtures.platformUser(accounts, "sekda", Role.COORDINATOR);
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        sekda = Fixtures.signIn(accounts, sessions, "sekda");
        kominfo = Fixtures.signIn(accounts, sessions, "staf-kominfo");
        dinsosAdmin = Fixtures.signIn(accounts, sessions, "admin-dinsos");
        dishubAdmin = Fixtures.signIn(accounts, sessions, "admin-dishub");
    }

    private String inDays(int days) {
        return LocalDate.now(clock.withZone(zone)).plusDays(days).toString();
    }

    @Test
    void a_disposition_is_acknowledged_answered_and_closed_in_that_order_and_each_side_is_told() {
        Disposition sent = dispositions.send(sekda, "dinsos", "Data bansos", "Kirim data penerima bansos.", inDays(3));
        assertThat(sent.state()).isEqualTo(DispositionState.SENT);
        assertThat(notifications.recent(dinsosAdmin.userId(), 10))
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("notify.disposition.sent"));

        assertThatThrownBy(() -> dispositions.answer(dinsosAdmin, "dinsos", sent.id(), "Terlampir."))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("disposition.step.refused"));
        dispositions.acknowledge(dinsosAdmin, "dinsos", sent.id());
        assertThatThrownBy(() -> dispositions.answer(dinsosAdmin, "dinsos", sent.id(), " "))
                .isInstanceOf(InvalidInputException.class);
        Disposition answered = dispositions.answer(dinsosAdmin, "dinsos", sent.id(), "Data terlampir, 1.204 penerima.");
        assertThat(answered.state()).isEqualTo(DispositionState.ANSWERED);
        assertThat(answered.answer()).isEqualTo("Data terlampir, 1.204 penerima.");
        assertThat(notifications.recent(sekda.userId(), 10))
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("notify.disposition.answered"));
        Disposition closed = dispositions.close(dinsosAdmin, "dinsos", sent.id());
        assertThat(closed.state()).isEqualTo(DispositionState.CLOSED);
        assertThat(closed.events()).extracting(Disposition.Event::event).containsExactly("send", "acknowledge", "answer", "close");
    }

    @Test
    void the_coordinator_cannot_answer_and_another_agency_cannot_see_or_touch_it() {
        Disposition sent = dispositions.send(sekda, "dinsos", "Rapat koordinasi", "Hadiri rapat Senin.", inDays(2));
        assertThatThrownBy(() -> dispositions.acknowledge(sekda, "dinsos", sent.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dispositions.get(dishubAdmin, "dinsos", sent.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dispositions.acknowledge(dishubAdmin, "dishub", sent.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dispositions.send(dinsosAdmin, "dinsos", "Balik", "Arahan.", inDays(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dispositions.all(dinsosAdmin, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(dispositions.ofTenant(dishubAdmin, "dishub")).noneMatch(d -> d.id() == sent.id());
        assertThat(dispositions.get(sekda, "dinsos", sent.id()).state()).isEqualTo(DispositionState.SENT);
    }

    @Test
    void a_send_needs_a_subject_a_text_and_a_due_date_not_in_the_past() {
        assertThatThrownBy(() -> dispositions.send(sekda, "dinsos", " ", "", "kemarin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field()).containsExactlyInAnyOrder("subject", "body", "dueOn"));
        assertThatThrownBy(() -> dispositions.send(sekda, "dinsos", "Lama", "Isi.", inDays(-1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("disposition.due_in_past"));
    }

    @Test
    void one_not_answered_by_its_due_date_is_overdue_for_both_sides_until_answered() {
        Disposition sent = dispositions.send(sekda, "dishub", "Data angkutan", "Kirim data trayek.", inDays(0));
        int before = dispositions.overdueCount(sekda);
        clock.advance(Duration.ofDays(2));
        assertThat(dispositions.get(dishubAdmin, "dishub", sent.id()).overdue()).isTrue();
        assertThat(dispositions.overdueCount(dishubAdmin, "dishub")).isGreaterThanOrEqualTo(1);
        assertThat(dispositions.overdueCount(sekda)).isGreaterThan(before);
        dispositions.acknowledge(dishubAdmin, "dishub", sent.id());
        dispositions.answer(dishubAdmin, "dishub", sent.id(), "Terlampir.");
        assertThat(dispositions.get(sekda, "dishub", sent.id()).overdue()).isFalse();
    }

    @Test
    void kominfo_sends_a_disposition_too_and_it_goes_through_acknowledge_answer_and_close() {
        Disposition sent = dispositions.send(kominfo, "dinsos", "Perbarui profil", "Lengkapi profil dan jam layanan.", inDays(5));
        assertThat(sent.sentByName()).isEqualTo("Uji staf-kominfo");
        assertThat(notifications.recent(dinsosAdmin.userId(), 10)).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("notify.disposition.sent");
            assertThat(n.messageArgs()).containsExactly("Perbarui profil", "Uji staf-kominfo", inDays(5));
        });
        assertThat(dispositions.all(kominfo, false)).anyMatch(d -> d.id() == sent.id());

        dispositions.acknowledge(dinsosAdmin, "dinsos", sent.id());
        Disposition answered = dispositions.answer(dinsosAdmin, "dinsos", sent.id(), "Profil sudah diperbarui.");
        assertThat(answered.state()).isEqualTo(DispositionState.ANSWERED);
        assertThat(notifications.recent(kominfo.userId(), 10)).as("the sender, here Kominfo, is told of the answer")
                .anySatisfy(n -> {
                    assertThat(n.messageKey()).isEqualTo("notify.disposition.answered");
                    assertThat(n.messageArgs()).containsExactly("Perbarui profil", "Dinas Sosial");
                });
        assertThat(notifications.recent(sekda.userId(), 50)).as("not the coordinator who did not send it")
                .noneMatch(n -> n.messageArgs().contains("Perbarui profil"));
        Disposition closed = dispositions.close(dinsosAdmin, "dinsos", sent.id());
        assertThat(closed.state()).isEqualTo(DispositionState.CLOSED);
        assertThat(dispositions.get(kominfo, "dinsos", sent.id()).events()).extracting(Disposition.Event::event)
                .containsExactly("send", "acknowledge", "answer", "close");
    }

    @Test
    void one_from_kominfo_not_answered_in_time_is_overdue_for_kominfo_and_for_the_agency() {
        Disposition sent = dispositions.send(kominfo, "dishub", "Jadwal uji KIR", "Umumkan jadwal uji KIR.", inDays(1));
        assertThat(dispositions.get(dishubAdmin, "dishub", sent.id()).overdue()).isFalse();
        assertThat(dispositions.all(kominfo, true)).extracting(Disposition::id).doesNotContain(sent.id());
        clock.advance(Duration.ofDays(3));

        // The agency's side: the item and its badge; Kominfo's side: the overdue list and its badge.
        assertThat(dispositions.get(dishubAdmin, "dishub", sent.id()).overdue()).isTrue();
        var agencyList = dispositions.ofTenant(dishubAdmin, "dishub");
        assertThat(agencyList).filteredOn(d -> d.id() == sent.id()).singleElement()
                .satisfies(d -> assertThat(d.overdue()).isTrue());
        int agencyBadge = dispositions.overdueCount(dishubAdmin, "dishub");
        assertThat(agencyBadge).isEqualTo((int) agencyList.stream().filter(Disposition::overdue).count());
        var kominfoOverdue = dispositions.all(kominfo, true);
        assertThat(kominfoOverdue).extracting(Disposition::id).contains(sent.id());
        int kominfoBadge = dispositions.overdueCount(kominfo);
        assertThat(kominfoBadge).isEqualTo(kominfoOverdue.size());

        dispositions.acknowledge(dishubAdmin, "dishub", sent.id());
        assertThat(dispositions.get(kominfo, "dishub", sent.id()).overdue()).as("acknowledged is not answered").isTrue();
        assertThat(dispositions.overdueCount(kominfo)).isEqualTo(kominfoBadge);
        dispositions.answer(dishubAdmin, "dishub", sent.id(), "Sudah diumumkan.");
        assertThat(dispositions.get(kominfo, "dishub", sent.id()).overdue()).isFalse();
        assertThat(dispositions.overdueCount(kominfo)).isEqualTo(kominfoBadge - 1);
        assertThat(dispositions.overdueCount(dishubAdmin, "dishub")).isEqualTo(agencyBadge - 1);
        assertThat(dispositions.all(kominfo, true)).extracting(Disposition::id).doesNotContain(sent.id());
    }
}
