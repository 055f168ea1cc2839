package id.serambi.admin.security;

import io.micronaut.http.HttpRequest;

/** The address a request came from, for the audit trail (the proxy's, until forwarded headers are trusted). */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request) {
        if (request == null || request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null) {
            return null;
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
