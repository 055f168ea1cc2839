package id.serambi.core.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import id.serambi.db.DatabaseConnections;

/** Reads (or sets up) rows directly, outside the application's transactions, to check what was stored. */
public final class DirectSql {
    private DirectSql() {
    }

    public static <T> T query(DatabaseConnections database, Function<DSLContext, T> work) {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
