package id.serambi.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * Prepares a database on the embedded server: creates it if missing, migrates it as the superuser, and gives
 * the two application roles fresh random passwords for this run (nothing to store, nothing to leak).
 */
public final class LocalDatabase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalDatabase() {
    }

    public static DatabaseConnections prepare(EmbeddedPostgres server, String database) {
        return prepare(server, database, randomPassword(), randomPassword());
    }

    /** As {@link #prepare(EmbeddedPostgres, String)} with given role passwords (roles are server-wide). */
    public static DatabaseConnections prepare(EmbeddedPostgres server, String database, String appPassword,
                                              String portalPassword) {
        server.createDatabaseIfMissing(database);
        String url = server.jdbcUrl(database);
        DatabaseMigrator.migrate(url, server.superuser(), server.superuserPassword());
        try (Connection c = DriverManager.getConnection(url, server.superuser(), server.superuserPassword());
             Statement s = c.createStatement()) {
            // Passwords are random URL-safe base64, so quoting them literally is safe.
            s.execute("alter role " + DatabaseMigrator.DEFAULT_APP_ROLE + " password '" + appPassword + "'");
            s.execute("alter role " + DatabaseMigrator.DEFAULT_PORTAL_ROLE + " password '" + portalPassword + "'");
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not set the application roles' passwords: " + e.getMessage(), e);
        }
        return new DatabaseConnections(url,
                DatabaseMigrator.DEFAULT_APP_ROLE, appPassword,
                DatabaseMigrator.DEFAULT_PORTAL_ROLE, portalPassword,
                server.superuser(), server.superuserPassword());
    }

    public static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
