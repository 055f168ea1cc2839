package id.serambi.deploy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import id.serambi.db.DatabaseConnections;
import id.serambi.db.DatabaseMigrator;
import id.serambi.db.EmbeddedPostgres;
import id.serambi.db.LocalDatabase;

/**
 * Finds the database before anything else starts: the server named by SERAMBI_DB_URL, or an embedded
 * PostgreSQL in the data directory. Either way the schema is migrated before the first request.
 */
final class DatabaseBootstrap implements AutoCloseable {
    static final String DATABASE = "serambi";

    private final EmbeddedPostgres embedded;
    private final DatabaseConnections connections;

    private DatabaseBootstrap(EmbeddedPostgres embedded, DatabaseConnections connections) {
        this.embedded = embedded;
        this.connections = connections;
    }

    static DatabaseBootstrap start(Map<String, String> env, Path dataDir) {
        String url = env.get("SERAMBI_DB_URL");
        if (url == null || url.isBlank()) {
            EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, false);
            return new DatabaseBootstrap(server, LocalDatabase.prepare(server, DATABASE));
        }
        DatabaseConnections external = external(env, url);
        checkReachable(external);
        // The grants go to the very users the app and the portal connect as.
        DatabaseMigrator.migrate(external.jdbcUrl(), external.ownerUser(), external.ownerPassword(),
                external.appUser(), external.portalUser());
        return new DatabaseBootstrap(null, external);
    }

    DatabaseConnections connections() {
        return connections;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    private static DatabaseConnections external(Map<String, String> env, String url) {
        String user = require(env, "SERAMBI_DB_USER");
        String password = env.getOrDefault("SERAMBI_DB_PASSWORD", "");
        return new DatabaseConnections(url, user, password,
                env.getOrDefault("SERAMBI_PORTAL_DB_USER", user),
                env.getOrDefault("SERAMBI_PORTAL_DB_PASSWORD", password),
                env.getOrDefault("SERAMBI_MIGRATE_DB_USER", user),
                env.getOrDefault("SERAMBI_MIGRATE_DB_PASSWORD", password));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new StartupException(name + " is not set. With SERAMBI_DB_URL, also set SERAMBI_DB_USER and "
                    + "SERAMBI_DB_PASSWORD; or unset SERAMBI_DB_URL to use the embedded database.");
        }
        return value;
    }

    private static void checkReachable(DatabaseConnections db) {
        try (Connection ignored = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            // reachable
        } catch (SQLException e) {
            throw new StartupException("Cannot connect to the database at " + db.jdbcUrl() + " as " + db.ownerUser()
                    + ": " + firstLine(e.getMessage()) + ". Check that PostgreSQL is running there and that "
                    + "SERAMBI_DB_URL, SERAMBI_DB_USER and SERAMBI_DB_PASSWORD are right, or unset SERAMBI_DB_URL "
                    + "to use the embedded database.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
