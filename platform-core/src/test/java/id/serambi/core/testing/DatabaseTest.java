package id.serambi.core.testing;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.TestInstance;

import id.serambi.core.database.DataSourceSettings;
import id.serambi.db.DatabaseConnections;
import io.micronaut.test.support.TestPropertyProvider;

/**
 * Base of tests that run against a real database: each test class gets its own freshly migrated database
 * on the per-JVM embedded PostgreSQL, wired as both datasources ("default" and "portal").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {
    protected DatabaseConnections database;

    @Override
    public Map<String, String> getProperties() {
        database = TestDatabases.fresh(getClass());
        Map<String, String> properties = new HashMap<>();
        DataSourceSettings.forBoth(database).forEach((k, v) -> properties.put(k, String.valueOf(v)));
        // Uploaded files of this class go to a directory of its own, never into the working tree.
        try {
            properties.put("serambi.media.dir", java.nio.file.Files.createTempDirectory("serambi-test-media-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        properties.putAll(extraProperties());
        return properties;
    }

    /** More settings for the application under test. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
