package id.serambi.portal.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.cache.Generation;
import id.serambi.core.cache.GenerationsChanged;
import id.serambi.core.portal.PortalQueries;
import id.serambi.portal.PortalApp;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Keeps {@link PageCache} in step with the database: one connection of its own (as the portal's role) that
 * LISTENs on {@link CacheGenerations#CHANNEL}, reads the generations a notification names, and checks the global
 * generation every few seconds in case something slipped by. When the connection is lost the cache is suspended
 * (nothing served from it), and on reconnecting every generation is read afresh and the cache starts empty.
 */
@Singleton
@PortalApp
public class GenerationFeed {
    static final String APPLICATION_NAME = "serambi-cache-listener";
    private static final Logger LOG = LoggerFactory.getLogger(GenerationFeed.class);
    private static final int WAIT_MILLIS = 250;
    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;
    private static final long RETRY_MILLIS = 1_000;

    private final PageCache cache;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    GenerationFeed(PageCache cache,
                   @Value("${datasources." + PortalQueries.DATASOURCE + ".url}") String url,
                   @Value("${datasources." + PortalQueries.DATASOURCE + ".username}") String user,
                   @Value("${datasources." + PortalQueries.DATASOURCE + ".password:}") String password) {
        this.cache = cache;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Connects before the first reader arrives where it can (so the first pages are cached), then listens on. */
    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (thread != null) {
            return;
        }
        try {
            connect();
        } catch (SQLException e) {
            LOG.warn("Portal cache: cannot listen for changes yet ({}); serving uncached until it can", e.getMessage());
            cache.suspend();
        }
        thread = Thread.ofPlatform().daemon().name("serambi-cache-listener").start(this::listen);
    }

    /** This node's own commits, heard at once rather than after the NOTIFY round trip. */
    @EventListener
    void onLocalChange(GenerationsChanged changed) {
        cache.advance(changed.generations());
    }

    private void listen() {
        long lastCheck = System.nanoTime();
        while (running) {
            try {
                if (connection == null) {
                    connect();
                    lastCheck = System.nanoTime();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    Set<String> scopes = new LinkedHashSet<>();
                    scopes.add(CacheGenerations.GLOBAL);
                    for (PGNotification n : notifications) {
                        scopes.add(n.getParameter());
                    }
                    cache.advance(read(connection, scopes));
                }
                if (System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
                    lastCheck = System.nanoTime();
                    // Every bump moves 'global': if it moved without us hearing, read everything again.
                    List<Generation> global = read(connection, Set.of(CacheGenerations.GLOBAL));
                    if (global.isEmpty() || global.get(0).generation() != cache.generation(CacheGenerations.GLOBAL)) {
                        cache.advance(readAll(connection));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Portal cache: lost the change feed ({}); serving uncached until it is back", e.getMessage());
                cache.suspend();
                closeQuietly();
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** LISTEN first, then read: a change committed in between is both read and heard, never lost. */
    private synchronized void connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("socketTimeout", "30");
        Connection c = DriverManager.getConnection(url, props);
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CacheGenerations.CHANNEL);
            }
            cache.reset(readAll(c));
            connection = c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static List<Generation> readAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select scope, generation, changed_at from portal.cache_generation")) {
            return generations(rs);
        }
    }

    private static List<Generation> read(Connection c, Set<String> scopes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select scope, generation, changed_at from portal.cache_generation where scope = any (?)")) {
            s.setArray(1, c.createArrayOf("text", scopes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return generations(rs);
            }
        }
    }

    private static List<Generation> generations(ResultSet rs) throws SQLException {
        List<Generation> all = new ArrayList<>();
        while (rs.next()) {
            all.add(new Generation(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)));
        }
        return all;
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }
}
