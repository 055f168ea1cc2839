package id.serambi.admin.security;

import java.util.Optional;

import id.serambi.admin.AdminApp;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/** Finds the session token: "Authorization: Bearer …" for API clients, the session cookie for browsers. */
@Singleton
@AdminApp
class SessionTokenReader implements TokenReader<HttpRequest<?>> {
    private static final String BEARER = "Bearer ";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).trim());
        return bearer.isPresent() ? bearer : SessionCookie.read(request);
    }
}
