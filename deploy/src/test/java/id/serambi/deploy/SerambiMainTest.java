package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import id.serambi.core.testing.Html;
import id.serambi.db.DatabaseConnections;

/**
 * The jar's command line and its three server roles, started in this JVM as {@code java -jar serambi.jar} starts
 * them. One demo district is shared by the tests that only look at it; a second, started once on demand, shows
 * that every demo gets its own passwords and gives the portal-only node its data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerambiMainTest {
    private static final Pattern QUOTA = Pattern.compile("id=\"quota-count\">([^<]*)<");

    private Path demoData;
    private Path otherDemoData;
    private Launch demo;
    private Map<String, String> otherDemoSignIns;

    @BeforeAll
    void startTheDemo(@TempDir Path demoData, @TempDir Path otherDemoData) {
        this.demoData = demoData;
        this.otherDemoData = otherDemoData;
        demo = Launch.start("demo", demoData, Map.of());
    }

    @AfterAll
    void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    // ---- the command line ---------------------------------------------------------------------------------

    @Test
    void anUnknownCommandExits64WithTheUsageOnStandardError() {
        Result result = run("serve");

        assertThat(result.exit()).isEqualTo(64);
        assertThat(result.err()).startsWith("serambi: unknown command 'serve'").contains(Options.usage());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aPortThatIsNotANumberExits64WithTheUsageOnStandardError() {
        Result result = run("demo", "--port", "eighty");

        assertThat(result.exit()).isEqualTo(64);
        assertThat(result.err()).startsWith("serambi: --port needs a number from 1 to 65535, not 'eighty'")
                .contains(Options.usage());
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        Result result = run("help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(Options.usage());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseExits2WithOneLineNamingTheUrlAndWhatToCheck(@TempDir Path data) {
        String url = "jdbc:postgresql://127.0.0.1:" + Launch.freePort() + "/x";

        Result result = run(Map.of("SERAMBI_DB_URL", url, "SERAMBI_DB_USER", "serambi", "SERAMBI_DB_PASSWORD", "secret"),
                "demo", "--port", String.valueOf(Launch.freePort()), "--data", data.toString());

        assertThat(result.exit()).isEqualTo(2);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("standard error: %s", result.err()).hasSize(1);
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
        assertThat(lines.get(0)).startsWith("serambi: ").contains(url).contains("SERAMBI_DB_URL");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void migrateCreatesAndMigratesTheEmbeddedDatabaseAndExits0(@TempDir Path data) {
        Result result = run("migrate", "--data", data.toString());

        assertThat(result.exit()).as("standard error: %s", result.err()).isZero();
        assertThat(result.out()).contains("database migrated");
        assertThat(result.err()).isEmpty();
        assertThat(data.resolve("pg/PG_VERSION")).exists();
    }

    // ---- the demo -----------------------------------------------------------------------------------------

    @Test
    void theDemoIsHealthy() {
        Launch.Reply health = demo.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void thePortalHomeOfTheDemoListsNewsFromManyAgencies() {
        Launch.Reply home = demo.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(Launch.agenciesInLatestPosts(home.body())).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theConsoleSignInPageSpeaksIndonesian() {
        Launch.Reply login = demo.get("/admin/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(Html.text(login.body())).contains("Masuk ke konsol");
    }

    @Test
    void theDemoPrintsTheConsoleAddressAndItsSignIns() {
        Map<String, String> signIns = Launch.demoSignIns(demoData);

        assertThat(demo.output).contains("Console:  http://127.0.0.1:" + demo.port + "/admin");
        for (String user : List.of("admin", "bupati", "admin.diskominfo")) {
            assertThat(signIns).containsKey(user);
            assertThat(demo.output).containsPattern("user " + Pattern.quote(user) + " +password "
                    + Pattern.quote(signIns.get(user)));
        }
        assertThat(demo.output).contains(demoData.resolve("demo-credentials.txt").toString());
    }

    @Test
    void theDemoKeepsItsSignInsInAFileOnlyTheOperatorCanRead() throws IOException {
        Path file = demoData.resolve("demo-credentials.txt");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // Kominfo's two, the second coordinator (Sekda), the twelve agency admins, and Disdukcapil's complaint
        // officer and official.
        assertThat(Launch.demoSignIns(demoData)).containsKeys("admin", "bupati", "sekda", "admin.diskominfo",
                "pengaduan.dukcapil", "pejabat.dukcapil").hasSize(2 + 1 + 12 + 2);
    }

    @Test
    void everyNewDemoDistrictGetsItsOwnPasswords() {
        Map<String, String> first = Launch.demoSignIns(demoData);
        Map<String, String> second = otherDemoSignIns();

        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        assertThat(second.get("admin")).isNotEqualTo(first.get("admin"));
        assertThat(second.get("admin.diskominfo")).isNotEqualTo(first.get("admin.diskominfo"));
        assertThat(first.get("admin")).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void anAgencyAdminOfTheDemoSeesThisWeeksQuotaOfTwo() {
        String session = demo.signIn("admin.diskominfo", Launch.demoSignIns(demoData).get("admin.diskominfo"));

        Launch.Reply page = demo.get("/admin/t/diskominfo", session);

        assertThat(page.status()).isEqualTo(200);
        Matcher quota = QUOTA.matcher(page.body());
        assertThat(quota.find()).as("#quota-count on the page").isTrue();
        assertThat(quota.group(1)).matches("\\d+ dari 2 minggu ini");
        assertThat(Html.text(page.body())).contains("Dinas Komunikasi dan Informatika");
    }

    @Test
    void theDemosQuotaWeeksShowEveryState() {
        Map<String, String> signIns = Launch.demoSignIns(demoData);
        String missing = demo.get("/admin/t/bkpsdm/kuota", demo.signIn("admin.bkpsdm", signIns.get("admin.bkpsdm"))).body();
        assertThat(Pattern.compile("class=\"q q-missed\"").matcher(missing).results().count()).isGreaterThanOrEqualTo(2);
        assertThat(missing).contains("class=\"q q-met\"", "class=\"q q-exempt\"");
        assertThat(Html.text(missing)).contains("Cuti bersama Idulfitri");
        String partly = demo.get("/admin/t/distan/kuota", demo.signIn("admin.distan", signIns.get("admin.distan"))).body();
        assertThat(partly).contains("class=\"q q-partly\"");
    }

    @Test
    void aSecondStartOnTheSameDataDirectoryKeepsTheDistrict() throws Exception {
        String credentials = Files.readString(demoData.resolve("demo-credentials.txt"));
        String superuserPassword = Files.readString(demoData.resolve("superuser.password"));
        Counts before = counts(demo);
        demo.close();

        demo = Launch.start("demo", demoData, Map.of());

        assertThat(demo.running.database().isEmbedded()).isTrue();
        assertThat(demo.get("/health").status()).isEqualTo(200);
        assertThat(Files.readString(demoData.resolve("demo-credentials.txt"))).isEqualTo(credentials);
        assertThat(Files.readString(demoData.resolve("superuser.password"))).isEqualTo(superuserPassword);
        assertThat(counts(demo)).isEqualTo(before);
        String admin = Launch.demoSignIns(demoData).get("admin");
        assertThat(demo.output).containsPattern("user admin +password " + Pattern.quote(admin));
        assertThat(demo.signIn("admin", admin)).isNotBlank();
    }

    // ---- the production roles -----------------------------------------------------------------------------

    @Test
    void aPortalNodeServesThePortalButNoConsole() {
        otherDemoSignIns(); // its data directory now holds a district to show
        try (Launch portal = Launch.start("portal", otherDemoData, Map.of())) {
            assertThat(portal.output).contains("Portal:").doesNotContain("Console:").doesNotContain("password");

            Launch.Reply home = portal.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(Launch.agenciesInLatestPosts(home.body())).isNotEmpty();
            assertThat(portal.get("/admin/login").status()).isEqualTo(404);
            assertThat(portal.get("/admin").status()).isEqualTo(404);
            assertThat(portal.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void anAdminNodeOnAnExternalDatabaseServesTheConsoleButNoPortal(@TempDir Path unused) {
        try (Launch admin = Launch.start("admin", unused, externalDatabase())) {
            assertThat(admin.output).contains("Console:").doesNotContain("Portal:")
                    .contains("Database: " + demo.running.database().connections().jdbcUrl());

            assertThat(admin.get("/admin/login").status()).isEqualTo(200);
            assertThat(admin.get("/").status()).isEqualTo(404);
            assertThat(admin.get("/health").status()).isEqualTo(200);
            assertThat(admin.signIn("admin", Launch.demoSignIns(demoData).get("admin"))).isNotBlank();
        }
        assertThat(unused).isEmptyDirectory();
    }

    @Test
    void aServerProcessStopsWhenToldToTerminate(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        // C1 only and the serial collector: this JVM lives for a few seconds, so it should start quickly.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                SerambiMain.class.getName(), "portal", "--host", "127.0.0.1",
                "--port", String.valueOf(Launch.freePort()), "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SERAMBI_"));
        builder.environment().putAll(externalDatabase());
        Process process = builder.start();
        try {
            StringBuffer printed = new StringBuffer(); // appended by the reader thread
            CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> readUntil(process, printed,
                    "Stop with Ctrl+C."));
            assertThat(started(running)).as("the node started within 90 s; it printed:%n%s", printed).isTrue();

            process.destroy(); // SIGTERM, as systemd or docker stop would send

            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("the process ended within 30 s of SIGTERM; it printed:%n%s", printed).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The sign-ins of a second demo district, seeded in its own data directory on first use and stopped again. */
    private synchronized Map<String, String> otherDemoSignIns() {
        if (otherDemoSignIns == null) {
            try (Launch other = Launch.start("demo", otherDemoData, Map.of())) {
                otherDemoSignIns = Launch.demoSignIns(otherDemoData);
            }
        }
        return otherDemoSignIns;
    }

    /** How a production node would reach the shared demo's database: least-privileged roles, owner for migrations. */
    private Map<String, String> externalDatabase() {
        DatabaseConnections db = demo.running.database().connections();
        Map<String, String> env = new HashMap<>();
        env.put("SERAMBI_DB_URL", db.jdbcUrl());
        env.put("SERAMBI_DB_USER", db.appUser());
        env.put("SERAMBI_DB_PASSWORD", db.appPassword());
        env.put("SERAMBI_PORTAL_DB_USER", db.portalUser());
        env.put("SERAMBI_PORTAL_DB_PASSWORD", db.portalPassword());
        env.put("SERAMBI_MIGRATE_DB_USER", db.ownerUser());
        env.put("SERAMBI_MIGRATE_DB_PASSWORD", db.ownerPassword());
        return env;
    }

    private record Counts(long tenants, long posts, long accounts) {
    }

    private static Counts counts(Launch launch) throws SQLException {
        DatabaseConnections db = launch.running.database().connections();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = c.createStatement()) {
            return new Counts(count(s, "tenant"), count(s, "post"), count(s, "app_user"));
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean started(CompletableFuture<Boolean> running) throws Exception {
        try {
            return running.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static boolean readUntil(Process process, StringBuffer printed, String marker) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                printed.append(line).append(System.lineSeparator());
                if (line.contains(marker)) {
                    // keep draining in the background so the child never blocks on a full pipe
                    Thread.ofVirtual().start(() -> drain(reader));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // the process ended and its pipe was closed
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SerambiMain.run(args, env, o, e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
