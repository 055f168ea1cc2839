package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.access.Actor;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.complaint.TrackingCodes;
import id.serambi.core.database.DataSourceSettings;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.db.DatabaseConnections;
import id.serambi.db.EmbeddedPostgres;
import id.serambi.db.LocalDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

/**
 * A complaint the citizen saw acknowledged is never lost and never duplicated: 8 clients file concurrently over
 * HTTP while the database is stopped and started again three times on the same data directory. The portal
 * reaches the database through a TCP relay on a fixed port (the restarted server gets a new port), so its pool
 * sees exactly what a restart looks like: dropped connections, then refusals, then a server again. Clients
 * retry with the same form token; afterwards every acknowledged register number is stored exactly once, under
 * that token, and the numbers have no gaps.
 */
@MicronautTest(environments = "portal", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintRestartTest implements TestPropertyProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintRestartTest.class);
    static final int CLIENTS = 8;
    static final int PER_CLIENT = 12;
    static final int RESTARTS = 3;

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject ComplaintService complaints;

    private Path dataDir;
    private volatile EmbeddedPostgres server;
    private Relay relay;
    private DatabaseConnections database;

    @Override
    public Map<String, String> getProperties() {
        try {
            dataDir = Files.createTempDirectory("serambi-restart-pg-");
            server = EmbeddedPostgres.start(dataDir, true);
            DatabaseConnections direct = LocalDatabase.prepare(server, "restart");
            relay = new Relay(server.port());
            String url = direct.jdbcUrl().replace(":" + server.port() + "/", ":" + relay.port() + "/");
            database = new DatabaseConnections(url, direct.appUser(), direct.appPassword(), direct.portalUser(),
                    direct.portalPassword(), direct.ownerUser(), direct.ownerPassword());
            Map<String, String> p = new HashMap<>();
            DataSourceSettings.forBoth(database).forEach((k, v) -> p.put(k, String.valueOf(v)));
            for (String ds : List.of("default", "portal")) {
                p.put("datasources." + ds + ".connection-timeout", "3000");
                p.put("datasources." + ds + ".validation-timeout", "1000");
            }
            p.put("serambi.media.dir", Files.createTempDirectory("serambi-restart-media-").toString());
            p.put("serambi.complaints.filings-per-hour", "100000");
            p.put("micronaut.http.client.read-timeout", "30s");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void anAgencyTakesComplaints() {
        tenants.createWithoutAdmin(Actor.system("test"), new NewTenant("dukcapil", "Dinas Kependudukan", "dinas", null));
        complaints.saveSettings(Actor.system("test"), "dukcapil",
                new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
    }

    @AfterAll
    void stop() {
        relay.close();
        server.close();
    }

    /** One acknowledged filing: the token the client used and the receipt it saw. */
    record Ack(String token, String register, String code, long nanos) {
    }

    @Test
    void acknowledged_complaints_survive_database_restarts_exactly_once_with_gapless_numbers() throws Exception {
        List<Ack> acks = new CopyOnWriteArrayList<>();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; i < PER_CLIENT; i++) {
                    acks.add(fileWithRetries(client, i, retries));
                }
                return null;
            }));
        }
        Future<?> restarter = pool.submit(() -> {
            for (int r = 1; r <= RESTARTS; r++) {
                int target = r * CLIENTS * PER_CLIENT / (RESTARTS + 1);
                while (acks.size() < target) {
                    Thread.onSpinWait();
                    Thread.sleep(20);
                }
                server.close();
                relay.dropAll();
                server = EmbeddedPostgres.start(dataDir, true);
                relay.retarget(server.port());
                LOG.info("database restarted ({} of {}) after {} acknowledged filings", r, RESTARTS, acks.size());
            }
            return null;
        });
        for (Future<?> f : clients) {
            f.get(10, TimeUnit.MINUTES);
        }
        restarter.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(acks).hasSize(CLIENTS * PER_CLIENT);
        Map<String, String> stored = new LinkedHashMap<>();
        List<Integer> numbers = new ArrayList<>();
        try (var c = DriverManager.getConnection(server.jdbcUrl("restart"), server.superuser(), server.superuserPassword());
             var s = c.createStatement();
             ResultSet rs = s.executeQuery("select idempotency_hash, register_number, register_seq from complaint")) {
            while (rs.next()) {
                assertThat(stored.put(rs.getString(1), rs.getString(2))).as("one row per form token").isNull();
                numbers.add(rs.getInt(3));
            }
        }
        for (Ack ack : acks) {
            assertThat(stored.get(TrackingCodes.hashOfFormToken(ack.token()))).as("acknowledged " + ack.register())
                    .isEqualTo(ack.register());
        }
        assertThat(stored).hasSize(acks.size());
        assertThat(Set.copyOf(stored.values())).hasSize(acks.size());
        Collections.sort(numbers);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        LOG.info("restart test: {} filings acknowledged, {} client retries, {} restarts", acks.size(), retries.get(), RESTARTS);
    }

    private Ack fileWithRetries(int client, int i, AtomicInteger retries) throws InterruptedException {
        ComplaintPortalTest.FormPage form = null;
        while (form == null) {
            try {
                form = ComplaintPortalTest.formPage(http.toBlocking().exchange(HttpRequest.GET("/dukcapil/pengaduan"), String.class));
            } catch (RuntimeException e) {
                retries.incrementAndGet();
                Thread.sleep(200);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", form.csrf());
        values.put("token", form.token());
        values.put("agency", "dukcapil");
        values.put("name", "Klien " + client);
        values.put("phone", "0812000" + client + String.format("%03d", i));
        values.put("description", "Pengaduan uji nomor " + i + " dari klien " + client + ".");
        values.put("consent", "on");
        long started = System.nanoTime();
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                HttpResponse<String> receipt = http.toBlocking().exchange(HttpRequest.POST("/pengaduan", ComplaintPortalTest.encode(values))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .cookie(io.micronaut.http.cookie.Cookie.of("serambi_form", form.cookie())), String.class);
                String body = receipt.body();
                return new Ack(form.token(), ComplaintPortalTest.text(body, "register-number"),
                        ComplaintPortalTest.text(body, "tracking-code"), System.nanoTime() - started);
            } catch (RuntimeException e) {
                retries.incrementAndGet();
                Thread.sleep(200);
            }
        }
        throw new AssertionError("client " + client + " never got a receipt");
    }

    /** A TCP relay on a fixed port to whichever port the database listens on now. */
    static final class Relay implements AutoCloseable {
        private final ServerSocket listener;
        private volatile int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        Relay(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::acceptLoop, "pg-relay");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void retarget(int port) {
            target = port;
        }

        void dropAll() {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
            open.clear();
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket upstream;
                    try {
                        upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    } catch (IOException refused) {
                        client.close();
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a side closed: close the other
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                    open.remove(from);
                    open.remove(to);
                }
            }, "pg-relay-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            dropAll();
        }
    }
}
