package id.serambi.admin.security;

import io.micronaut.http.HttpRequest;

/**
 * Whether the browser reached us over HTTPS: directly, or through the TLS-terminating proxy in front, which must
 * send {@code X-Forwarded-Proto} (see README, Deployment). A client forging the header only affects its own
 * response, so it is safe to believe here.
 */
public final class Https {
    private Https() {
    }

    public static boolean of(HttpRequest<?> request) {
        return request.isSecure() || request.getHeaders().findFirst("X-Forwarded-Proto")
                .map(p -> p.trim().equalsIgnoreCase("https")).orElse(false);
    }
}
