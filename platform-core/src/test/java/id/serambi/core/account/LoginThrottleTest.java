package id.serambi.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class LoginThrottleTest extends DatabaseTest {
    @Inject AccountService accounts;
    @Inject TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void people() {
        Fixtures.platformUser(accounts, "pemakai", Role.PLATFORM_STAFF);
        Fixtures.platformUser(accounts, "rekan", Role.PLATFORM_STAFF);
    }

    @Test
    void five_mistakes_are_free_then_even_the_right_password_waits_until_the_delay_has_passed() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            assertThat(login("pemakai", "salah-" + i, "10.1.0.1")).isInstanceOf(LoginResult.Refused.class);
        }
        assertThat(login("pemakai", Fixtures.PASSWORD, "10.1.0.1"))
                .isInstanceOfSatisfying(LoginResult.Throttled.class, t -> assertThat(t.seconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(login("pemakai", Fixtures.PASSWORD, "10.1.0.1")).isInstanceOf(LoginResult.SignedIn.class);
        // The success cleared the count: one more mistake is free again.
        assertThat(login("pemakai", "salah-lagi", "10.1.0.1")).isInstanceOf(LoginResult.Refused.class);
        assertThat(login("pemakai", Fixtures.PASSWORD, "10.1.0.1")).isInstanceOf(LoginResult.SignedIn.class);
    }

    @Test
    void a_name_that_does_not_exist_is_throttled_exactly_like_a_real_one() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            login("tidak-ada", "apa-saja-" + i, "10.2.0.1");
        }
        assertThat(login("tidak-ada", "apa-saja", "10.2.0.1")).isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void guessing_at_one_account_does_not_stop_a_colleague_at_the_same_office_address() {
        for (int i = 0; i < 8; i++) {
            login("tebakan", "x-" + i, "10.3.0.1");
        }
        assertThat(login("rekan", Fixtures.PASSWORD, "10.3.0.1")).isInstanceOf(LoginResult.SignedIn.class);
    }

    @Test
    void many_failures_from_one_address_slow_down_every_name_tried_from_it() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            login("nama-" + i, "x", "10.4.0.1");
        }
        assertThat(login("rekan", Fixtures.PASSWORD, "10.4.0.1")).isInstanceOf(LoginResult.Throttled.class);
        assertThat(login("rekan", Fixtures.PASSWORD, "10.4.0.2")).isInstanceOf(LoginResult.SignedIn.class);
    }

    @Test
    void the_wait_doubles_with_each_failure_and_never_exceeds_fifteen_minutes() {
        assertThat(LoginThrottle.delayAfter(4, 5)).isZero();
        assertThat(LoginThrottle.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(10, 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(LoginThrottle.delayAfter(15, 5)).isEqualTo(LoginThrottle.MAX_DELAY);
        assertThat(LoginThrottle.delayAfter(10_000, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    private LoginResult login(String username, String password, String address) {
        return accounts.authenticate(username, password, address, "test");
    }
}
