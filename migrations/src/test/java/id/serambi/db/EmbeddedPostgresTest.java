package id.serambi.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path tmp;

    Path dataDir;

    @BeforeEach
    void openTheTempDirToNobody() throws IOException {
        // JUnit creates @TempDir with mode 0700; as root PostgreSQL runs as nobody, which must be able to enter it.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        dataDir = tmp.resolve("data");
    }

    @Test
    void startsAServerWhoseSuperuserCanConnectToACreatedDatabaseWithTheIndonesianTextSearchConfiguration()
            throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, true)) {
            assertThat(postgres.host()).isEqualTo("127.0.0.1");
            assertThat(postgres.jdbcUrl("serambi")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port()
                    + "/serambi");

            postgres.createDatabaseIfMissing("serambi");
            postgres.createDatabaseIfMissing("serambi"); // a second call finds it and does nothing

            try (Connection connection = connect(postgres, "serambi")) {
                assertThat(queryString(connection, "select version()")).contains("PostgreSQL 17");
                assertThat(queryString(connection, "select count(*) from pg_ts_config where cfgname='indonesian'"))
                        .isEqualTo("1");
                assertThat(queryString(connection, "select current_database()")).isEqualTo("serambi");
            }
        }
    }

    @Test
    void aSecondStartOnTheSameDataDirectorySeesTheDataOfTheFirstAndKeepsThePassword() throws SQLException {
        String password;
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dataDir, true)) {
            password = first.superuserPassword();
            first.createDatabaseIfMissing("app");
            try (Connection connection = connect(first, "app"); Statement statement = connection.createStatement()) {
                statement.execute("create table greeting (text varchar not null)");
                statement.execute("insert into greeting values ('selamat datang')");
            }
        }

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dataDir, true)) {
            assertThat(second.superuserPassword()).isEqualTo(password);
            try (Connection connection = connect(second, "app")) {
                assertThat(queryString(connection, "select text from greeting")).isEqualTo("selamat datang");
            }
        }
    }

    @Test
    void theSuperuserPasswordFileIsReadableAndWritableOnlyByItsOwner() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, true)) {
            Path passwordFile = dataDir.resolve("superuser.password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile)).isEqualTo(postgres.superuserPassword());
            assertThat(postgres.superuserPassword()).matches("[A-Za-z0-9_-]{32}");
        }
    }

    @Test
    void theClusterDirectoryBelongsToNobodyWhenRunningAsRootAndToTheCurrentUserOtherwise() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, true)) {
            Path cluster = dataDir.resolve("pg");
            int clusterOwner = uid(cluster);
            if (EmbeddedPostgres.runningAsRoot()) {
                assertThat(clusterOwner).isEqualTo(65534);
            } else {
                assertThat(clusterOwner).isEqualTo(uid(dataDir));
            }
            assertThat(Files.getPosixFilePermissions(cluster)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(uid(dataDir)).isEqualTo(uid(tmp)); // the data directory itself stays ours
        }
    }

    @Test
    void startsAgainAfterThePostmasterWasKilled() throws Exception {
        EmbeddedPostgres killed = EmbeddedPostgres.start(dataDir, true);
        killed.createDatabaseIfMissing("app");
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        // The server processes notice their postmaster's death and exit; a new one cannot start while they
        // still hold the old shared memory.
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).exists();

        try (EmbeddedPostgres restarted = EmbeddedPostgres.start(dataDir, true)) {
            try (Connection connection = connect(restarted, "app")) {
                assertThat(queryString(connection, "select current_database()")).isEqualTo("app");
            }
            killed.close(); // its server is gone: nothing to stop, and the new server must stay up
            try (Connection connection = connect(restarted, "app")) {
                assertThat(queryString(connection, "select 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void closeIsIdempotentAndRefusesInvalidDatabaseNames() {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, true);
        assertThatThrownBy(() -> postgres.createDatabaseIfMissing("Robert'); drop table students;--"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.jdbcUrl("9lives")).isInstanceOf(IllegalArgumentException.class);
        postgres.close();
        postgres.close();
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void asRootRefusesADataDirectoryThatNobodyCannotReachAndNamesTheBlockingDirectory() throws IOException {
        assumeTrue(EmbeddedPostgres.runningAsRoot(), "only root runs PostgreSQL as nobody");
        Path privateDir = Files.createDirectory(tmp.resolve("private"));
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> EmbeddedPostgres.start(privateDir.resolve("data"), true))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("cannot enter " + privateDir + " (mode 0700")
                .hasMessageContaining("--data");
    }

    private static Connection connect(EmbeddedPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(),
                postgres.superuserPassword());
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }
}
