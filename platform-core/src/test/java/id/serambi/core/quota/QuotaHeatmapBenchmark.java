package id.serambi.core.quota;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.access.Actor;
import id.serambi.core.database.DataSourceSettings;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.TestDatabases;
import id.serambi.db.DatabaseConnections;
import io.micronaut.context.ApplicationContext;

/**
 * How long the district heatmap takes for 500 tenants × 52 weeks: generates 500 tenants and ~26,000 counted
 * posts spread over the last year (plus pages that must not count, removed and deleted posts, and a few
 * exemptions and suspensions), then times {@link QuotaService#overview} (the one SQL statement, and turning its
 * 26,000 cells into states, streaks, compliance and pace), median of several runs after warm-up. A manual run,
 * not a test:
 *
 * <pre>
 * mvn -o -q test-compile -pl platform-core -am
 * (cd platform-core && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt)
 * java -cp "platform-core/target/classes:platform-core/target/test-classes:$(cat /tmp/cp.txt)" \
 *     id.serambi.core.quota.QuotaHeatmapBenchmark [runs]
 * </pre>
 */
public final class QuotaHeatmapBenchmark {
    private QuotaHeatmapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        DatabaseConnections database = TestDatabases.fresh(QuotaHeatmapBenchmark.class);
        Map<String, Object> properties = new HashMap<>(DataSourceSettings.forBoth(database));
        properties.put("serambi.media.dir", Files.createTempDirectory("serambi-bench-media").toString());
        properties.put("serambi.quota.reminder-delay", "1h");
        long generated = System.nanoTime();
        DirectSql.query(database, db -> {
            db.execute("""
                    insert into tenant (slug, name, created_at)
                    select 'situs-' || i, 'Perangkat Daerah ' || i, now() - interval '400 days' from generate_series(1, 500) i""");
            // ~52 counted posts per tenant over the year, unevenly: some agencies post daily, some rarely.
            db.execute("""
                    insert into post (tenant_id, kind, status, title, slug, first_published_at, published_at, portal_state, deleted_at)
                    select t.id, case when random() < 0.8 then 'news' else 'announcement' end, 'published', 'Berita ' || g,
                           'berita-' || g, at, at, case when random() < 0.01 then 'removed' else 'visible' end,
                           case when random() < 0.01 then now() end
                    from (select g, now() - random() * interval '365 days' as at,
                                 1 + floor(power(random(), 1.6) * 500)::int as n from generate_series(1, 26000) g) p
                    join tenant t on t.slug = 'situs-' || p.n""");
            db.execute("""
                    insert into post (tenant_id, kind, status, title, slug, first_published_at, published_at)
                    select t.id, 'page', 'published', 'Halaman ' || g, 'halaman-' || g, now() - random() * interval '365 days', now()
                    from generate_series(1, 2000) g join tenant t on t.slug = 'situs-' || (1 + g % 500)""");
            db.execute("insert into quota_exemption (first_day, last_day, reason) values (current_date - 200, current_date - 195, 'Cuti bersama')");
            db.execute("""
                    insert into quota_exemption (tenant_id, first_day, last_day, reason)
                    select id, current_date - 100, current_date - 90, 'Renovasi kantor' from tenant where id % 50 = 0""");
            db.execute("""
                    insert into tenant_status_history (tenant_id, status, since)
                    select id, s.status, now() - s.ago from tenant,
                        (values ('suspended', interval '60 days'), ('active', interval '50 days')) s(status, ago)
                    where id % 25 = 0""");
            return db.execute("analyze");
        });
        int posts = DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom("post")));
        System.out.printf("Generated 500 tenants and %d posts in %d ms; Java %s, %d processors%n", posts,
                (System.nanoTime() - generated) / 1_000_000, Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            QuotaService quota = context.getBean(QuotaService.class);
            Actor system = Actor.system("bench");
            QuotaOverview last = null;
            for (int warm = 0; warm < 3; warm++) {
                last = quota.overview(system, 52);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = quota.overview(system, 52);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            long cells = last.tenants().stream().mapToLong(t -> t.weeks().size()).sum();
            System.out.printf("Heatmap: %d tenants × %d weeks shown (%d cells)%n", last.tenants().size(), last.weeks().size(), cells);
            System.out.println("Runs (ms, sorted): " + millis);
            System.out.println("Median: " + millis.get(millis.size() / 2) + " ms");
            List<Long> twelve = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                quota.overview(system, 12);
                twelve.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(twelve);
            System.out.println("12 weeks, median: " + twelve.get(twelve.size() / 2) + " ms " + twelve);
        }
        System.exit(0);
    }
}
