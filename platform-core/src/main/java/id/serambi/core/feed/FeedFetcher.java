package id.serambi.core.feed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Fetches a feed the careful way: only http and https; every hop's host checked against
 * {@link AddressPolicy} (redirects are followed by hand, at most {@link #MAX_REDIRECTS}); one deadline for
 * the whole fetch; the body read only up to the size limit (reading stops there, the rest never arrives);
 * and the validators of the last fetch sent along, so an unchanged feed costs a 304 and nothing more.
 *
 * <p>The JDK client offers no way to connect to the address we checked, so a host whose DNS answer changes
 * between our check and the client's own lookup (DNS rebinding) is the remaining gap; it is narrow, since
 * both lookups happen within milliseconds and the JVM caches successful lookups for 30 s.
 */
@Singleton
class FeedFetcher {
    static final int MAX_REDIRECTS = 3;
    private static final String USER_AGENT = "Serambi-FeedReader/1.0 (+https://serambi.id)";

    private final FeedSettings settings;
    private final HttpClient client;

    FeedFetcher(FeedSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @PreDestroy
    void close() {
        client.shutdownNow();
    }

    sealed interface Result {
    }

    /** The server says nothing changed since the validators we sent. */
    record NotModified() implements Result {
    }

    record Fetched(byte[] body, String etag, String lastModified) implements Result {
    }

    Result fetch(String url, String etag, String lastModified) throws FeedFailure {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            AddressPolicy.check(uri, settings.allowPrivateAddresses());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(remaining(deadline))
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(request.GET().build(), deadline);
            int status = response.statusCode();
            if (status == 304) {
                return new NotModified();
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                if (hop >= MAX_REDIRECTS) {
                    throw new FeedFailure("feed.error.too_many_redirects", MAX_REDIRECTS);
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FeedFailure("feed.error.http_status", status));
                try {
                    uri = uri.resolve(new URI(location.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new FeedFailure("feed.error.address");
                }
                continue;
            }
            if (status < 200 || status > 299) {
                throw new FeedFailure("feed.error.http_status", status);
            }
            HttpHeaders headers = response.headers();
            return new Fetched(response.body(), validator(headers, "ETag", 500),
                    validator(headers, "Last-Modified", 200));
        }
    }

    static URI parse(String url) throws FeedFailure {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FeedFailure("feed.error.scheme");
            }
            if (uri.isOpaque()) {
                throw new FeedFailure("feed.error.address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FeedFailure("feed.error.address");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline) throws FeedFailure {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                info -> new LimitedBody(settings.maxBytes()));
        try {
            return pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FeedFailure("feed.error.timeout", settings.timeout().toSeconds());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedFailure("feed.error.timeout", settings.timeout().toSeconds());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof TooBig) {
                throw new FeedFailure("feed.error.too_big", settings.maxBytes() / (1024 * 1024.0));
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                throw new FeedFailure("feed.error.timeout", settings.timeout().toSeconds());
            }
            if (cause instanceof ConnectException) {
                throw new FeedFailure("feed.error.connect", request.uri().getHost());
            }
            if (cause instanceof IOException) {
                throw new FeedFailure("feed.error.io", request.uri().getHost());
            }
            throw new FeedFailure("feed.error.io", request.uri().getHost());
        }
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    private static String validator(HttpHeaders headers, String name, int max) {
        return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty() && v.length() <= max)
                .orElse(null);
    }

    private static final class TooBig extends IOException {
        TooBig() {
            super("feed body over the size limit");
        }
    }

    /** Collects the body up to {@code limit} bytes; beyond that it cancels the download and fails. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooBig());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
