package id.serambi.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micronaut.context.BeanContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

/** Whether each datasource this node uses answers: for /health and for the operators' monitoring. */
@Singleton
public class DatabaseHealth {
    private static final List<String> NAMES = List.of("default", "portal");
    private final BeanContext beans;

    DatabaseHealth(BeanContext beans) {
        this.beans = beans;
    }

    /** Datasource name to "UP" or "DOWN", for the datasources configured on this node. */
    public Map<String, String> check() {
        Map<String, String> status = new LinkedHashMap<>();
        for (String name : NAMES) {
            beans.findBean(DataSource.class, Qualifiers.byName(name)).ifPresent(ds -> status.put(name, ping(ds)));
        }
        return status;
    }

    private static String ping(DataSource dataSource) {
        // The raw pool, not the transaction-bound proxy: a health check runs outside any transaction.
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return c.isValid(2) ? "UP" : "DOWN";
        } catch (SQLException e) {
            return "DOWN";
        }
    }
}
