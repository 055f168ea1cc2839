package id.serambi.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class NotificationServiceTest extends DatabaseTest {
    @Inject AccountService accounts;
    @Inject NotificationService notifications;

    @Test
    void a_dedupe_key_notifies_each_person_once_and_reading_clears_only_their_own() {
        UserId ani = Fixtures.platformUser(accounts, "ani", Role.PLATFORM_STAFF);
        UserId budi = Fixtures.platformUser(accounts, "budi", Role.PLATFORM_STAFF);

        assertThat(notifications.send(List.of(ani, budi), null, "quota.reminder", "notify.quota.reminder",
                List.of("Bappeda", "1"), "/kuota", "reminder:1:2026-W47")).containsExactly(ani, budi);
        // A restarted job sending the same reminder again reaches nobody.
        assertThat(notifications.send(List.of(ani, budi), null, "quota.reminder", "notify.quota.reminder",
                List.of("Bappeda", "1"), "/kuota", "reminder:1:2026-W47")).isEmpty();

        assertThat(notifications.recent(ani, 10)).singleElement().satisfies(n -> {
            assertThat(n.messageArgs()).containsExactly("Bappeda", "1");
            assertThat(n.unread()).isTrue();
        });
        notifications.markAllRead(ani);
        assertThat(notifications.unreadCount(ani)).isZero();
        assertThat(notifications.unreadCount(budi)).isEqualTo(1);
    }
}
