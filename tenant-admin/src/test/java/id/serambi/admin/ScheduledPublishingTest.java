package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStatus;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowEvents;
import io.micronaut.context.ApplicationContext;

/**
 * A post scheduled before the console went down, whose time passed while it was down, goes live as soon as
 * the console is back, by the scheduler, once.
 */
class ScheduledPublishingTest extends DatabaseTest {
    @Test
    void a_schedule_that_fell_due_during_downtime_publishes_at_start() throws Exception {
        Map<String, Object> properties = Map.copyOf(getProperties());
        PostId id;
        try (ApplicationContext before = ApplicationContext.builder().environments("admin").properties(properties).start()) {
            var tenants = before.getBean(TenantService.class);
            var posts = before.getBean(PostService.class);
            Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
            var admin = Fixtures.signIn(before.getBean(AccountService.class), before.getBean(SessionService.class), "admin-dishub");
            id = posts.createDraft(admin, "dishub", new PostDraft("Uji Coba Bus Listrik", null, "<p>Isi.</p>", null)).id();
            Post scheduled = posts.transition(admin, "dishub", id, PostEvent.SCHEDULE, null, OffsetDateTime.now().plusHours(1));
            assertThat(scheduled.status()).isEqualTo(PostStatus.SCHEDULED);
        }
        // The hour passes while no console runs.
        try (var owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var update = owner.prepareStatement("update post set scheduled_at = now() - interval '5 minutes' where id = ?")) {
            update.setLong(1, id.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        try (ApplicationContext after = ApplicationContext.builder().environments("admin").properties(properties).start()) {
            var posts = after.getBean(PostService.class);
            var tenant = after.getBean(TenantService.class).findBySlug("dishub").orElseThrow();
            var admin = Fixtures.signIn(after.getBean(AccountService.class), after.getBean(SessionService.class), "admin-dishub");
            // The job's first run is a second after start; wait for its effect, not for a fixed time.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (posts.get(admin, "dishub", id).status() != PostStatus.PUBLISHED && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            Post published = posts.get(admin, "dishub", id);
            assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(published.scheduledAt()).isNull();
            var history = after.getBean(WorkflowEvents.class).history(tenant.id(), id);
            assertThat(history).extracting(WorkflowEvents.Entry::event).containsExactly(PostEvent.SCHEDULE, PostEvent.PUBLISH_SCHEDULED);
            assertThat(history.get(1).actor()).as("the scheduler, not a person").isNull();
        }
    }
}
