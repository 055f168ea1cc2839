package id.serambi.core.database;

import java.util.HashMap;
import java.util.Map;

import id.serambi.core.portal.PortalQueries;
import id.serambi.db.DatabaseConnections;

/**
 * The Micronaut settings of Serambi's two datasources: "default" (console and API, role serambi_app) and
 * "portal" (readers, role serambi_portal, read-only views). A node that serves one app only gets only its own.
 */
public final class DataSourceSettings {

    private DataSourceSettings() {
    }

    public static Map<String, Object> forBoth(DatabaseConnections db) {
        Map<String, Object> p = new HashMap<>(forAdmin(db));
        p.putAll(forPortal(db));
        return p;
    }

    public static Map<String, Object> forAdmin(DatabaseConnections db) {
        return datasource("default", db.jdbcUrl(), db.appUser(), db.appPassword(), 10);
    }

    public static Map<String, Object> forPortal(DatabaseConnections db) {
        return datasource(PortalQueries.DATASOURCE, db.jdbcUrl(), db.portalUser(), db.portalPassword(), 10);
    }

    private static Map<String, Object> datasource(String name, String url, String user, String password, int pool) {
        String prefix = "datasources." + name + ".";
        Map<String, Object> p = new HashMap<>();
        p.put(prefix + "url", url);
        p.put(prefix + "username", user);
        p.put(prefix + "password", password);
        p.put(prefix + "driver-class-name", "org.postgresql.Driver");
        p.put(prefix + "dialect", "POSTGRES");
        p.put(prefix + "maximum-pool-size", pool);
        p.put(prefix + "minimum-idle", 1);
        p.put("jooq.datasources." + name + ".sql-dialect", "POSTGRES");
        return p;
    }
}
