package id.serambi.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code serambi <command> [--port N] [--host H] [--data DIR]}, with defaults from the environment;
 * {@code generate} also takes {@code --tenants N --posts-per-tenant M}.
 */
record Options(String command, int port, String host, Path dataDir, int tenants, int postsPerTenant) {
    static final List<String> COMMANDS = List.of("demo", "portal", "admin", "migrate", "generate", "help");

    static Options parse(String[] args, Map<String, String> env) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        int port = Integer.parseInt(env.getOrDefault("SERAMBI_PORT", "8080"));
        String host = env.getOrDefault("SERAMBI_HOST", command.equals("demo") ? "127.0.0.1" : "0.0.0.0");
        Path data = Path.of(env.getOrDefault("SERAMBI_DATA", "serambi-data"));
        int tenants = 200;
        int postsPerTenant = 500;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("option " + arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--data" -> data = Path.of(value);
                case "--tenants" -> tenants = parseCount(arg, value, 100_000);
                case "--posts-per-tenant" -> postsPerTenant = parseCount(arg, value, 100_000);
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new Options(command, port, host, data.toAbsolutePath().normalize(), tenants, postsPerTenant);
    }

    private static int parseCount(String option, String value, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number from 1 to " + max + ", not '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number from 1 to 65535, not '" + value + "'");
        }
    }

    static String usage() {
        return """
                Usage: java -jar serambi.jar <command> [options]

                Commands:
                  demo      embedded PostgreSQL, demo district, portal and console on one port
                  portal    the reader-facing portal only (production role)
                  admin     the console and JSON API only (production role)
                  migrate   run the database migrations and exit
                  generate  fill the database with made-up agencies and published posts (load tests)
                  help      this text

                Options:
                  --port N      HTTP port (default 8080, or SERAMBI_PORT)
                  --host H      address to listen on (demo: 127.0.0.1; others: 0.0.0.0; or SERAMBI_HOST)
                  --data DIR    embedded database directory (default ./serambi-data, or SERAMBI_DATA)
                  --tenants N             generate: how many agencies (default 200)
                  --posts-per-tenant M    generate: published posts per agency (default 500)

                Database: without SERAMBI_DB_URL, Serambi runs its own PostgreSQL in --data. With
                SERAMBI_DB_URL, SERAMBI_DB_USER, SERAMBI_DB_PASSWORD it uses that server (see README.md).
                """;
    }

    /** A mistake on the command line: told in one line plus the usage, exit code 64. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
