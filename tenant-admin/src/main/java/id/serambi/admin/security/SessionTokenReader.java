package id.serambi.admin.security;

import java.util.Optional;

import id.serambi.admin.AdminApp;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/** Finds the session token: "Authorization: Bearer …" for API clients, the session cookie for browsers. */
@Singleton
@AdminApp
class SessionTokenReader implements TokenReader<HttpRequest<?>> {
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return SignedIn.token(request);
    }
}
