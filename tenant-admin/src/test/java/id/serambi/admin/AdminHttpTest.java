package id.serambi.admin;

import java.util.Map;
import java.util.Optional;

import id.serambi.core.testing.DatabaseTest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;

/**
 * Base of the console and API tests: a real server on a fresh database, and a client that returns error
 * responses instead of throwing and does not follow redirects, so tests see exactly what a browser gets.
 */
public abstract class AdminHttpTest extends DatabaseTest {
    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    /** What came back, error or not. */
    public record Reply(int code, String body, HttpHeaders headers, Optional<Cookie> sessionCookie) {
        public String header(String name) {
            return headers.get(name);
        }

        public Optional<String> contentType() {
            return headers.findFirst(HttpHeaders.CONTENT_TYPE);
        }
    }

    protected Reply send(MutableHttpRequest<?> request) {
        HttpResponse<?> response;
        String body;
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
            response = ok;
            body = ok.getBody().orElse("");
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        return new Reply(response.code(), body, response.getHeaders(), response.getCookie("serambi_session"));
    }

    protected static MutableHttpRequest<String> form(String path, String body) {
        return HttpRequest.POST(path, body).contentType("application/x-www-form-urlencoded");
    }
}
