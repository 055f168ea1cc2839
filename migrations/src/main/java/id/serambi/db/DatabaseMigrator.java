package id.serambi.db;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the Flyway migrations in {@code db/migration}. The migrating user owns the schema; the two application
 * roles are passed as placeholders so that an installation can name them as its DBA prefers.
 */
public final class DatabaseMigrator {

    public static final String DEFAULT_APP_ROLE = "serambi_app";
    public static final String DEFAULT_PORTAL_ROLE = "serambi_portal";

    private DatabaseMigrator() {
    }

    /** Migrates the database to the newest version and returns how many migrations ran. */
    public static int migrate(String jdbcUrl, String user, String password, String appRole, String portalRole) {
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", requireRoleName(appRole), "portalRole", requireRoleName(portalRole)))
                .connectRetries(0)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    public static int migrate(String jdbcUrl, String user, String password) {
        return migrate(jdbcUrl, user, password, DEFAULT_APP_ROLE, DEFAULT_PORTAL_ROLE);
    }

    // Role names are spliced into SQL as identifiers, so only plain lower-case names are accepted.
    private static String requireRoleName(String role) {
        if (role == null || !role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("invalid role name: " + role);
        }
        return role;
    }
}
