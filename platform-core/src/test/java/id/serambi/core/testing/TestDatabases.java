package id.serambi.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import id.serambi.db.DatabaseConnections;
import id.serambi.db.EmbeddedPostgres;
import id.serambi.db.LocalDatabase;

/**
 * One embedded PostgreSQL per test JVM, started on first use, and a fresh migrated database for each test
 * class that asks, so tests never see each other's rows. The same launcher as {@code serambi demo}.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String APP_PASSWORD = LocalDatabase.randomPassword();
    private static final String PORTAL_PASSWORD = LocalDatabase.randomPassword();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("serambi-test-pg-");
                EmbeddedPostgres started = EmbeddedPostgres.start(dir, true);
                // Stop the server, then remove its throw-away data, when the test JVM ends.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(dir);
                }));
                server = started;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort: a leftover temp directory harms nothing
        }
    }

    /** A new, migrated database named after the test class. */
    public static DatabaseConnections fresh(Class<?> testClass) {
        String name = "t" + COUNTER.incrementAndGet() + "_"
                + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return LocalDatabase.prepare(server(), name.length() > 60 ? name.substring(0, 60) : name,
                APP_PASSWORD, PORTAL_PASSWORD);
    }
}
