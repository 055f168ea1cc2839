package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.serambi.core.testing.TestDatabases;
import id.serambi.db.DatabaseConnections;

/** What the database itself guarantees about media: the portal role sees only the view, and the view only what may be served. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaTableRolesTest {
    DatabaseConnections db;

    @BeforeAll
    void database() throws SQLException {
        db = TestDatabases.fresh(getClass());
        try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            owner.createStatement().execute("""
                    insert into tenant (slug, name) values ('dinkes', 'Dinas Kesehatan'), ('dlh', 'DLH');
                    update tenant set status = 'suspended' where slug = 'dlh';
                    insert into media (tenant_id, kind, content_type, file_name, byte_size, variants)
                        values (1, 'image', 'image/jpeg', 'tampil.jpg', 10, '{full,thumb}');
                    insert into media (tenant_id, kind, content_type, file_name, byte_size, deleted_at)
                        values (1, 'document', 'application/pdf', 'dihapus.pdf', 10, now());
                    insert into media (tenant_id, kind, content_type, file_name, byte_size)
                        values (2, 'document', 'application/pdf', 'situs-ditangguhkan.pdf', 10);
                    """);
        }
    }

    @Test
    void the_portal_sees_live_undeleted_media_through_the_view_and_nothing_of_the_table() throws SQLException {
        try (Connection portal = DriverManager.getConnection(db.jdbcUrl(), db.portalUser(), db.portalPassword())) {
            var rows = portal.createStatement().executeQuery("select file_name from portal.media");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("tampil.jpg");
            assertThat(rows.next()).isFalse();
            assertThatThrownBy(() -> portal.createStatement().executeQuery("select * from public.media"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void the_table_refuses_a_youtube_item_without_a_video_id_and_a_duplicate_id_in_a_tenant() throws SQLException {
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            assertThatThrownBy(() -> app.createStatement().execute("insert into media (tenant_id, kind, content_type, file_name, byte_size) "
                    + "values (1, 'youtube', 'video/youtube', 'x', 0)")).hasMessageContaining("check");
            assertThatThrownBy(() -> app.createStatement().execute("insert into media (tenant_id, id, kind, content_type, file_name, byte_size) "
                    + "select tenant_id, id, kind, content_type, file_name, byte_size from media where file_name = 'tampil.jpg'"))
                    .hasMessageContaining("duplicate key");
        }
    }
}
