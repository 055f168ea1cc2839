package id.serambi.admin.security;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import id.serambi.admin.AdminApp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Cross-site request forgery guard for the console: a state-changing request from a browser must come from
 * a page of the same origin (Fetch Metadata, else Origin). The session cookie is also SameSite=Lax, and forms
 * carry a per-session token; this filter stops what those might miss. API calls with a bearer token carry no
 * ambient credential and pass.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@AdminApp
class SameOriginFilter {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        Optional<String> fetchSite = request.getHeaders().findFirst("Sec-Fetch-Site");
        if (fetchSite.isPresent()) {
            return Set.of("same-origin", "none").contains(fetchSite.get()) ? null : refuse();
        }
        Optional<String> origin = request.getHeaders().findFirst(HttpHeaders.ORIGIN);
        if (origin.isEmpty()) {
            return null; // not a browser form post (curl, server-to-server): no ambient session to abuse
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin.get());
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host) ? null : refuse();
        } catch (IllegalArgumentException e) {
            return refuse();
        }
    }

    private static HttpResponse<?> refuse() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Permintaan lintas situs ditolak. / Cross-site request refused.");
    }
}
