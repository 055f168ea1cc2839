package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import id.serambi.core.tenant.TenantId;

/**
 * The S3 storage against a small stand-in server that keeps objects in memory and accepts only requests whose
 * signature it can recompute (with the signer checked against AWS's published example in {@link SigV4Test}).
 */
class S3MediaStorageTest {
    static final String SECRET = "rahasia-uji-s3";
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    HttpServer server;
    S3MediaStorage storage;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        storage = new S3MediaStorage("http://127.0.0.1:" + server.getAddress().getPort() + "/", "serambi", "ap-southeast-3",
                "AKSERAMBI", SECRET, "media", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void files_are_put_read_and_deleted_under_the_bucket_and_prefix() throws IOException {
        String key = MediaStorage.key(new TenantId(7), new MediaId(UUID.randomUUID()), "thumb");
        storage.put(key, "gambar".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(objects).containsKey("/serambi/media/" + key);
        assertThat(contentTypes.get("/serambi/media/" + key)).isEqualTo("image/jpeg");
        try (InputStream in = storage.open(key).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("gambar");
        }

        Path file = Files.writeString(dir.resolve("laporan.pdf"), "%PDF-1.4 isi");
        String documentKey = MediaStorage.key(new TenantId(7), new MediaId(UUID.randomUUID()), "original");
        storage.put(documentKey, file, "application/pdf");
        assertThat(objects.get("/serambi/media/" + documentKey)).isEqualTo(Files.readAllBytes(file));

        storage.delete(key);
        assertThat(storage.open(key)).isEmpty();
        storage.delete(key); // deleting what is gone is fine
    }

    @Test
    void a_store_that_refuses_the_signature_is_an_error_not_a_silent_loss() {
        S3MediaStorage wrongSecret = new S3MediaStorage("http://127.0.0.1:" + server.getAddress().getPort(), "serambi",
                "ap-southeast-3", "AKSERAMBI", "bukan-rahasianya", "media", Clock.systemUTC());
        String key = MediaStorage.key(new TenantId(7), new MediaId(UUID.randomUUID()), "full");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> wrongSecret.put(key, new byte[]{1}, "image/jpeg"));
        assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("403");
        assertThat(objects).isEmpty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (!signatureValid(exchange, body)) {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    private boolean signatureValid(HttpExchange exchange, byte[] body) {
        var h = exchange.getRequestHeaders();
        String payloadHash = h.getFirst("x-amz-content-sha256");
        if (payloadHash == null || !payloadHash.equals(SigV4.sha256Hex(body))) {
            return false;
        }
        Map<String, String> signed = new HashMap<>();
        signed.put("x-amz-content-sha256", payloadHash);
        Optional.ofNullable(h.getFirst("Content-Type")).ifPresent(ct -> signed.put("content-type", ct));
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(h.getFirst("x-amz-date"), Instant::from);
        URI uri = URI.create("http://" + h.getFirst("Host") + exchange.getRequestURI());
        String expected = new SigV4("AKSERAMBI", SECRET, "ap-southeast-3", "s3")
                .sign(exchange.getRequestMethod(), uri, signed, payloadHash, at).get("Authorization");
        return expected.equals(h.getFirst("Authorization"));
    }
}
