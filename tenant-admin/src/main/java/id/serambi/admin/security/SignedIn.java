package id.serambi.admin.security;

import java.util.Optional;

import id.serambi.core.access.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/** The person signed in on a request, as {@link SessionTokenValidator} found them. */
public final class SignedIn {
    private SignedIn() {
    }

    public static Optional<Actor> actor(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SessionTokenValidator.ACTOR))
                .filter(Actor.class::isInstance)
                .map(Actor.class::cast);
    }
}
