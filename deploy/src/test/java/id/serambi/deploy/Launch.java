package id.serambi.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server role started in this JVM the way {@code serambi <command>} starts it, on a free port, with what it
 * printed; plus the few HTTP calls the tests make against it. Closing it stops the server and its database.
 */
final class Launch implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern POST_LINK =
            Pattern.compile("<h3><a href=\"/([^/\"]+)/berita/[^\"]+\">");

    final String command;
    final Path dataDir;
    final int port;
    final String output;
    final SerambiMain.Running running;

    private Launch(String command, Path dataDir, int port, String output, SerambiMain.Running running) {
        this.command = command;
        this.dataDir = dataDir;
        this.port = port;
        this.output = output;
        this.running = running;
    }

    /** Starts {@code serambi <command> --port <free> --host 127.0.0.1 --data <dataDir>} with exactly this environment. */
    static Launch start(String command, Path dataDir, Map<String, String> env) {
        int port = freePort();
        Options options = Options.parse(new String[] {command, "--port", String.valueOf(port),
                "--host", "127.0.0.1", "--data", dataDir.toString()}, env);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SerambiMain.Running running;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            running = SerambiMain.start(options, env, out);
        }
        return new Launch(command, dataDir, port, printed.toString(StandardCharsets.UTF_8), running);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Reply get(String path) {
        return get(path, null);
    }

    Reply get(String path, String sessionCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (sessionCookie != null) {
            request.header("Cookie", "serambi_session=" + sessionCookie);
        }
        return send(request.build());
    }

    Reply postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Signs in through the console's form, as a browser would; returns the session cookie's value. */
    String signIn(String username, String password) {
        Reply reply = postForm("/admin/login", Map.of("username", username, "password", password));
        if (reply.status() != 303) {
            throw new AssertionError("signing in as " + username + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.cookie("serambi_session")
                .orElseThrow(() -> new AssertionError("signing in as " + username + " set no session cookie"));
    }

    /** The agencies (slugs) whose posts the portal home lists under #latest-posts. */
    static Set<String> agenciesInLatestPosts(String homeHtml) {
        int section = homeHtml.indexOf("id=\"latest-posts\"");
        if (section < 0) {
            throw new AssertionError("the home page has no #latest-posts section");
        }
        Matcher m = POST_LINK.matcher(homeHtml.substring(section));
        Set<String> slugs = new TreeSet<>();
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    /** The demo's sign-ins as written to demo-credentials.txt: username to password, in file order. */
    static Map<String, String> demoSignIns(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("demo-credentials.txt"));
            Map<String, String> signIns = new LinkedHashMap<>();
            lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .forEach(f -> signIns.put(f[1], f[2]));
            return signIns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running.close();
    }

    record Reply(int status, String body, Map<String, List<String>> headers) {
        Optional<String> cookie(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                    .filter(v -> !v.isEmpty())
                    .findFirst();
        }
    }
}
