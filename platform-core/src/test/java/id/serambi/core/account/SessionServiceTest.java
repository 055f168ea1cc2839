package id.serambi.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class SessionServiceTest extends DatabaseTest {
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject TestClock clock;

    Account staff;
    Account other;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void people() {
        staff = accounts.find(Fixtures.platformUser(accounts, "staf", Role.PLATFORM_STAFF)).orElseThrow();
        other = accounts.find(Fixtures.platformUser(accounts, "lain", Role.PLATFORM_STAFF)).orElseThrow();
    }

    @Test
    void a_session_used_within_half_an_hour_stays_alive_and_one_left_alone_ends() {
        String token = sessions.open(staff, "10.0.0.1", "uji");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).as("touched 29 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).as("idle for 31 minutes").isEmpty();
    }

    @Test
    void even_a_busy_session_ends_twelve_hours_after_sign_in() {
        String token = sessions.open(staff, "10.0.0.1", "uji");
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.actorFor(token, "10.0.0.1", "uji");
        }
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).as("11.6 hours").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).as("12.08 hours").isEmpty();
    }

    @Test
    void a_person_sees_their_own_live_sessions_and_ends_one_but_not_someone_elses() {
        String here = sessions.open(staff, "10.0.0.1", "Firefox di kantor");
        String there = sessions.open(staff, "10.9.9.9", "Chrome di warnet");
        String theirs = sessions.open(other, "10.0.0.2", "milik orang lain");
        Actor me = sessions.actorFor(here, "10.0.0.1", "uji").orElseThrow();

        var mine = sessions.liveSessions(me, here);
        assertThat(mine).extracting(SessionInfo::userAgent).contains("Firefox di kantor", "Chrome di warnet")
                .doesNotContain("milik orang lain");
        assertThat(mine).filteredOn(SessionInfo::current).extracting(SessionInfo::userAgent).containsExactly("Firefox di kantor");

        long warnet = mine.stream().filter(s -> s.userAgent().equals("Chrome di warnet")).findFirst().orElseThrow().id();
        sessions.endOwn(me, warnet);
        assertThat(sessions.actorFor(there, "10.9.9.9", "x")).isEmpty();

        long otherSession = sessions.liveSessions(sessions.actorFor(theirs, "10.0.0.2", "x").orElseThrow(), theirs).get(0).id();
        assertThatThrownBy(() -> sessions.endOwn(me, otherSession)).isInstanceOf(NotFoundException.class);
        assertThat(sessions.actorFor(theirs, "10.0.0.2", "x")).isPresent();
    }
}
