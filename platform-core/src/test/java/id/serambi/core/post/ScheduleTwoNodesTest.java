package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.PostEvent;
import io.micronaut.context.ApplicationContext;

/**
 * Two console nodes (two application contexts, each with its own connection pool and publisher) work through
 * the same due schedules at the same moment: the row lock lets each post go live exactly once, so there is one
 * "published on schedule" event and one audit entry per post, and the nodes' counts add up to the posts.
 */
class ScheduleTwoNodesTest extends DatabaseTest {
    private static final int POSTS = 30;

    @Test
    void two_nodes_publishing_due_schedules_together_publish_each_post_once() throws Exception {
        Map<String, Object> properties = Map.copyOf(getProperties());
        try (ApplicationContext nodeA = ApplicationContext.builder().properties(properties).start();
             ApplicationContext nodeB = ApplicationContext.builder().properties(properties).start()) {
            Fixtures.tenantWithAdmin(nodeA.getBean(TenantService.class), "disdik", "Dinas Pendidikan");
            Actor admin = Fixtures.signIn(nodeA.getBean(AccountService.class), nodeA.getBean(SessionService.class), "admin-disdik");
            PostService posts = nodeA.getBean(PostService.class);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                PostId id = posts.createDraft(admin, "disdik", new PostDraft("Jadwal Ujian Sekolah " + i, null, "<p>Isi.</p>", null)).id();
                posts.transition(admin, "disdik", id, PostEvent.SCHEDULE, null, OffsetDateTime.now().plusHours(1));
                ids.add(id.value());
            }
            // The hour has passed for all of them.
            assertThat(sql("update post set scheduled_at = now() - interval '1 minute' where status = 'scheduled'")).isEqualTo(POSTS);

            SchedulePublisher a = nodeA.getBean(SchedulePublisher.class);
            SchedulePublisher b = nodeB.getBean(SchedulePublisher.class);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(() -> runTogether(together, a), threads);
                CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(() -> runTogether(together, b), threads);
                assertThat(byA.get(2, TimeUnit.MINUTES) + byB.get(2, TimeUnit.MINUTES)).as("published by the two nodes").isEqualTo(POSTS);
            } finally {
                threads.shutdownNow();
            }
            // Nothing is left for a later run.
            assertThat(a.publishDue() + b.publishDue()).isZero();

            Map<Long, Integer> events = countPerPost("select post_id, count(*) from workflow_event"
                    + " where event = 'publish_scheduled' group by post_id");
            Map<Long, Integer> audits = countPerPost("select subject_id::bigint, count(*) from audit_log"
                    + " where action = 'post.publish_scheduled' group by subject_id");
            Map<Long, Integer> once = new HashMap<>();
            ids.forEach(id -> once.put(id, 1));
            assertThat(events).as("one workflow event per post").isEqualTo(once);
            assertThat(audits).as("one recorded publication per post").isEqualTo(once);
            assertThat(sql("update post set updated_at = updated_at where status = 'published' and first_published_at is not null"
                    + " and scheduled_at is null")).isEqualTo(POSTS);
        }
    }

    private static int runTogether(CyclicBarrier together, SchedulePublisher publisher) {
        try {
            together.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return publisher.publishDue();
    }

    private int sql(String statement) throws SQLException {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    private Map<Long, Integer> countPerPost(String query) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getLong(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
