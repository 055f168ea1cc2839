package id.serambi.admin.security;

import java.util.Optional;

import id.serambi.core.access.Actor;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/** The person signed in on a request, as {@link SessionTokenValidator} found them. */
public final class SignedIn {
    private static final String BEARER = "Bearer ";

    private SignedIn() {
    }

    /** The session token the request carries: "Authorization: Bearer …" for API clients, else the cookie. */
    public static Optional<String> token(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).trim());
        return bearer.isPresent() ? bearer : SessionCookie.read(request);
    }

    public static Optional<Actor> actor(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SessionTokenValidator.ACTOR))
                .filter(Actor.class::isInstance)
                .map(Actor.class::cast);
    }
}
