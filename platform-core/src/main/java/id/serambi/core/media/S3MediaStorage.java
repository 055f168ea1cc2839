package id.serambi.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Media files in an S3-compatible bucket (AWS S3, MinIO, Ceph, a cloud provider's object store), chosen with
 * {@code serambi.media.storage: s3} and {@code serambi.media.s3.endpoint/bucket/region/access-key/secret-key}.
 * Path-style addresses ({@code endpoint/bucket/key}) work with every implementation. A PUT is atomic in S3:
 * readers see the old object or the whole new one. The bucket must not be public: files reach readers only
 * through Serambi's routes and their headers.
 */
@Singleton
@Requires(property = "serambi.media.storage", value = "s3")
class S3MediaStorage implements MediaStorage {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI endpoint;
    private final String bucket;
    private final String prefix;
    private final SigV4 signer;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    S3MediaStorage(@Value("${serambi.media.s3.endpoint}") String endpoint,
                   @Value("${serambi.media.s3.bucket}") String bucket,
                   @Value("${serambi.media.s3.region:us-east-1}") String region,
                   @Value("${serambi.media.s3.access-key}") String accessKey,
                   @Value("${serambi.media.s3.secret-key}") String secretKey,
                   @Value("${serambi.media.s3.prefix:media}") String prefix,
                   Clock clock) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        this.bucket = bucket;
        this.prefix = prefix.isBlank() ? "" : prefix.replaceAll("^/+|/+$", "") + "/";
        this.signer = new SigV4(accessKey, secretKey, region, "s3");
        this.clock = clock;
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        send("PUT", key, contentType, SigV4.sha256Hex(content), HttpRequest.BodyPublishers.ofByteArray(content),
                HttpResponse.BodyHandlers.discarding(), 200);
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        send("PUT", key, contentType, sha256Hex(file), HttpRequest.BodyPublishers.ofFile(file),
                HttpResponse.BodyHandlers.discarding(), 200);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        HttpResponse<InputStream> response = send("GET", key, null, SigV4.EMPTY_PAYLOAD,
                HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream(), 200, 404);
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        return Optional.of(response.body());
    }

    @Override
    public void delete(String key) throws IOException {
        send("DELETE", key, null, SigV4.EMPTY_PAYLOAD, HttpRequest.BodyPublishers.noBody(),
                HttpResponse.BodyHandlers.discarding(), 200, 204, 404);
    }

    private <T> HttpResponse<T> send(String method, String key, String contentType, String payloadHash,
                                     HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler,
                                     int... accepted) throws IOException {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media key");
        }
        URI uri = URI.create(endpoint + "/" + bucket + "/" + prefix + key);
        Map<String, String> headers = new HashMap<>();
        headers.put("x-amz-content-sha256", payloadHash);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, body);
        headers.forEach(request::header);
        signer.sign(method, uri, headers, payloadHash, clock.instant()).forEach(request::header);
        try {
            HttpResponse<T> response = http.send(request.build(), handler);
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            if (response.body() instanceof InputStream stream) {
                stream.close();
            }
            throw new IOException("S3 " + method + " " + key + " answered " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String sha256Hex(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
