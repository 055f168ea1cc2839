package id.serambi.deploy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.database.DataSourceSettings;
import id.serambi.db.EmbeddedPostgresException;
import id.serambi.deploy.demo.DemoCredentials;
import id.serambi.deploy.demo.DemoDistrict;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/**
 * The one entry point of the jar: {@code serambi demo | portal | admin | migrate}. Each role starts only its
 * own controllers (Micronaut environments "portal" and "admin"); demo starts both on one port.
 */
public final class SerambiMain {

    private SerambiMain() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exit = run(args, System.getenv(), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs a command; returns the process exit code (0 while a server keeps running). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (Options.UsageException e) {
            err.println("serambi: " + e.getMessage());
            err.print(Options.usage());
            return 64;
        }
        if (options.command().equals("help")) {
            out.print(Options.usage());
            return 0;
        }
        try {
            if (options.command().equals("migrate")) {
                try (DatabaseBootstrap database = DatabaseBootstrap.start(env, options.dataDir())) {
                    out.println("Serambi: database migrated (" + database.connections().jdbcUrl() + ").");
                }
                return 0;
            }
            if (options.command().equals("generate")) {
                try (DatabaseBootstrap database = DatabaseBootstrap.start(env, options.dataDir())) {
                    var made = id.serambi.deploy.generate.DataGenerator.generate(database.connections(),
                            options.tenants(), options.postsPerTenant(), out);
                    out.println("Serambi: generated " + made.tenants() + " agencies and " + made.posts() + " posts in "
                            + made.seconds() + " s (" + database.connections().jdbcUrl() + ").");
                }
                return 0;
            }
            start(options, env, out);
            // No shutdown hook of our own: Micronaut's hook stops the server and its context, and the embedded
            // PostgreSQL stops itself in its own hook. A second hook closing the context deadlocked with
            // Micronaut's (each took the other's lock first), so Ctrl+C or SIGTERM left the process hanging.
            return 0;
        } catch (StartupException | EmbeddedPostgresException e) {
            err.println("serambi: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("serambi: could not start: " + describe(e));
            return 1;
        }
    }

    /** A started server and its database; closing it stops both. */
    record Running(ApplicationContext context, DatabaseBootstrap database) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            database.close();
        }
    }

    /** Starts a server role (demo, portal, admin) and prints where to reach it. */
    static Running start(Options options, Map<String, String> env, PrintStream out) {
        DatabaseBootstrap database = DatabaseBootstrap.start(env, options.dataDir());
        ApplicationContext context = null;
        try {
            context = startServer(options, database);
            announce(options, database, context, out);
            return new Running(context, database);
        } catch (RuntimeException e) {
            // announce() can fail after the server is up (the demo's seeding): stop the server too, not only the database
            if (context != null) {
                try {
                    context.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            database.close();
            throw e;
        }
    }

    private static ApplicationContext startServer(Options options, DatabaseBootstrap database) {
        List<String> environments = new ArrayList<>();
        Map<String, Object> properties = new HashMap<>();
        switch (options.command()) {
            case "demo" -> {
                environments.addAll(List.of("portal", "admin", "demo"));
                properties.putAll(DataSourceSettings.forBoth(database.connections()));
            }
            case "portal" -> {
                environments.add("portal");
                properties.putAll(DataSourceSettings.forPortal(database.connections()));
            }
            case "admin" -> {
                environments.add("admin");
                properties.putAll(DataSourceSettings.forAdmin(database.connections()));
            }
            default -> throw new IllegalStateException(options.command());
        }
        // Media files live beside the embedded database unless configured elsewhere; console and portal share them.
        if (System.getenv("SERAMBI_MEDIA_DIR") == null && System.getProperty("serambi.media.dir") == null) {
            properties.put("serambi.media.dir", options.dataDir().resolve("media").toString());
        }
        properties.put("micronaut.server.port", options.port());
        properties.put("micronaut.server.host", options.host());
        properties.put("micronaut.application.name", "serambi-" + options.command());
        return Micronaut.build(new String[0])
                .mainClass(SerambiMain.class)
                .environments(environments.toArray(String[]::new))
                .properties(properties)
                .banner(false)
                .start();
    }

    private static void announce(Options options, DatabaseBootstrap database, ApplicationContext context, PrintStream out) {
        // The demo district first: "is running" is printed only when there is something to see and sign in to.
        DemoCredentials credentials = options.command().equals("demo")
                ? context.getBean(DemoDistrict.class).ensureSeeded(options.dataDir()) : null;
        String base = "http://" + (options.host().equals("0.0.0.0") ? "localhost" : options.host()) + ":" + options.port();
        out.println();
        out.println("Serambi " + options.command() + " is running.");
        if (!options.command().equals("admin")) {
            out.println("  Portal:   " + base + "/");
        }
        if (!options.command().equals("portal")) {
            out.println("  Console:  " + base + "/admin");
            out.println("  API:      " + base + "/api/v1");
        }
        out.println("  Health:   " + base + "/health");
        out.println("  Database: " + (database.isEmbedded() ? "embedded PostgreSQL in " + options.dataDir() : database.connections().jdbcUrl()));
        if (credentials != null) {
            credentials.print(out);
        }
        out.println("Stop with Ctrl+C.");
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("Address already in use")) {
            return "the port is already in use; choose another with --port";
        }
        return message;
    }
}
