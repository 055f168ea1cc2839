package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStatus;
import id.serambi.core.post.SchedulePublisher;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * A portal in central Indonesia (WITA, Asia/Makassar, UTC+8): a time typed into the console's schedule field
 * is the portal's local time, whatever zone the server runs in; the page says which zone it means; and the
 * post goes live at that instant, not an hour earlier or later. The clock is moved, never slept on.
 */
@MicronautTest(environments = "admin", transactional = false)
class ScheduleTimeZoneTest extends AdminHttpTest {
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject SchedulePublisher publisher;
    @Inject TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("serambi.time-zone", WITA.getId());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @Test
    void a_schedule_typed_in_wita_is_stored_as_that_instant_and_published_then() throws Exception {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "diskominfo-balikpapan", "Diskominfo Balikpapan");
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("kabid", "Uji kabid", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        PostId id = posts.createDraft(Fixtures.signIn(accounts, sessions, "kabid"), "diskominfo-balikpapan",
                new PostDraft("Peresmian Taman Kota", null, "<p>Isi.</p>", null)).id();
        String session = consoleSignIn("kabid");
        String page = "/admin/t/diskominfo-balikpapan/berita/" + id.value();

        // The schedule field names the portal's zone.
        String before = Html.text(send(withSession(session, HttpRequest.GET(page))).body());
        assertThat(before).contains("Waktu terbit (Asia/Makassar)");

        // Nine in the morning, two days ahead, portal time: 01:00 UTC.
        LocalDateTime nineWita = clock.instant().atZone(WITA).toLocalDate().plusDays(2).atTime(9, 0);
        Instant expected = nineWita.atZone(WITA).toInstant();
        assertThat(expected.atOffset(ZoneOffset.UTC).getHour()).isEqualTo(1);
        Reply scheduled = send(withSession(session, form(page + "/langkah", "_csrf=" + csrf(session, page)
                + "&event=schedule&scheduledAt=" + nineWita.toString().substring(0, 16))));
        assertThat(scheduled.code()).as(Html.text(scheduled.body())).isEqualTo(303);
        assertThat(storedSchedule(id)).isEqualTo(expected);
        assertThat(posts.get(Fixtures.signIn(accounts, sessions, "kabid"), "diskominfo-balikpapan", id).scheduledAt().toInstant())
                .isEqualTo(expected);
        // The post page shows the time as typed, in the portal's zone.
        String after = Html.text(send(withSession(session, HttpRequest.GET(page))).body());
        assertThat(after).containsPattern("terbit [^()]*09[.:]00[^()]*\\(Asia/Makassar\\)");

        // A minute before: still waiting. A minute after: live, once.
        clock.advance(Duration.between(clock.instant(), expected).minusMinutes(1));
        publisher.publishDue();
        assertThat(status(id)).isEqualTo(PostStatus.SCHEDULED);
        clock.advance(Duration.ofMinutes(2));
        publisher.publishDue();
        assertThat(status(id)).isEqualTo(PostStatus.PUBLISHED);
        OffsetDateTime publishedAt = posts.get(Fixtures.signIn(accounts, sessions, "kabid"), "diskominfo-balikpapan", id).publishedAt();
        assertThat(Duration.between(expected, publishedAt.toInstant())).isBetween(Duration.ZERO, Duration.ofMinutes(2));
    }

    private PostStatus status(PostId id) {
        return posts.get(Fixtures.signIn(accounts, sessions, "kabid"), "diskominfo-balikpapan", id).status();
    }

    private Instant storedSchedule(PostId id) throws Exception {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var q = c.prepareStatement("select scheduled_at from post where id = ?")) {
            q.setLong(1, id.value());
            try (var rows = q.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }
}
