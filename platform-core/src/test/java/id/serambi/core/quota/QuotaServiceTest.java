package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class QuotaServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject QuotaService quota;

    @Test
    void posts_count_in_the_week_of_their_first_publication_and_drafts_do_not_count() throws SQLException {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "bappeda", "Bappeda");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-bappeda");
        assertThat(quota.thisWeek(tenant.id())).satisfies(p -> {
            assertThat(p.published()).isZero();
            assertThat(p.minimum()).isEqualTo(2);
            assertThat(p.met()).isFalse();
        });

        Post first = publish(admin, "Musrenbang Kecamatan");
        posts.createDraft(admin, "bappeda", new PostDraft("Masih draf", null, "", null));
        assertThat(quota.thisWeek(tenant.id()).published()).isEqualTo(1);

        Post lastWeeks = publish(admin, "Laporan Minggu Lalu");
        moveFirstPublication(lastWeeks, "7 days");
        // Back-dating the display date of this week's post does not move it out of this week.
        backdateDisplayDate(first, "30 days");
        WeekProgress progress = quota.thisWeek(tenant.id());
        assertThat(progress.published()).isEqualTo(1);
        assertThat(progress.stillNeeded()).isEqualTo(1);

        publish(admin, "Forum Perangkat Daerah");
        assertThat(quota.thisWeek(tenant.id()).met()).isTrue();
    }

    private Post publish(Actor admin, String title) {
        return posts.publish(admin, "bappeda", posts.createDraft(admin, "bappeda", new PostDraft(title, null, "", null)).id());
    }

    private void moveFirstPublication(Post post, String interval) throws SQLException {
        ownerUpdate("update post set first_published_at = first_published_at - interval '" + interval + "' where id = " + post.id().value());
    }

    private void backdateDisplayDate(Post post, String interval) throws SQLException {
        ownerUpdate("update post set display_date = now() - interval '" + interval + "' where id = " + post.id().value());
    }

    private void ownerUpdate(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
