package id.serambi.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.serambi.core.testing.TestDatabases;
import id.serambi.db.DatabaseConnections;

/** What the database itself refuses, whatever the application code does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRolesTest {
    DatabaseConnections db;

    @BeforeAll
    void database() throws SQLException {
        db = TestDatabases.fresh(getClass());
        try (Connection owner = owner()) {
            owner.createStatement().execute("""
                    insert into tenant (slug, name) values ('dinkes', 'Dinas Kesehatan');
                    insert into post (tenant_id, title, slug, status, first_published_at, published_at)
                        values (1, 'Terbit', 'terbit', 'published', now(), now()),
                               (1, 'Masih draf', 'masih-draf', 'draft', null, null);
                    insert into audit_log (actor_label, action, subject_type) values ('uji', 'test.entry', 'test');
                    """);
        }
    }

    @Test
    void the_application_role_cannot_change_or_remove_audit_history() {
        try (Connection app = connect(db.appUser(), db.appPassword())) {
            assertRefused(app, "update audit_log set action = 'forged'", "permission denied");
            assertRefused(app, "delete from audit_log", "permission denied");
            assertRefused(app, "truncate audit_log", "permission denied");
            assertThat(count(app, "select count(*) from audit_log")).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void even_the_schema_owner_cannot_rewrite_audit_history() throws SQLException {
        try (Connection owner = owner()) {
            assertRefused(owner, "update audit_log set action = 'forged'", "append-only");
            assertRefused(owner, "delete from audit_log", "append-only");
        }
    }

    @Test
    void the_portal_role_sees_published_posts_only_and_nothing_of_the_base_tables() throws SQLException {
        try (Connection portal = connect(db.portalUser(), db.portalPassword())) {
            assertThat(strings(portal, "select title from portal.post")).containsExactly("Terbit");
            assertRefused(portal, "select * from public.post", "permission denied");
            assertRefused(portal, "select * from public.app_user", "permission denied");
            assertRefused(portal, "select * from public.user_session", "permission denied");
            assertRefused(portal, "select * from public.audit_log", "permission denied");
        }
    }

    @Test
    void the_portal_role_cannot_write_even_through_its_views() throws SQLException {
        try (Connection portal = connect(db.portalUser(), db.portalPassword())) {
            // Joined views are not updatable at all; simple ones would be, but the role has no write grant.
            assertRefused(portal, "update portal.post set title = 'judi online'", "cannot update view");
            assertRefused(portal, "delete from portal.post", "cannot delete from view");
            assertRefused(portal, "insert into portal.tenant (slug, name) values ('x', 'y')", "permission denied");
            assertRefused(portal, "update portal.tenant set name = 'judi online'", "permission denied");
        }
    }

    private Connection owner() throws SQLException {
        return connect(db.ownerUser(), db.ownerPassword());
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), user, password);
    }

    private static void assertRefused(Connection c, String sql, String reason) {
        assertThatThrownBy(() -> c.createStatement().execute(sql)).as(sql)
                .isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }

    private static long count(Connection c, String sql) throws SQLException {
        var rs = c.createStatement().executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var rs = c.createStatement().executeQuery(sql);
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(1));
        }
        return values;
    }
}
