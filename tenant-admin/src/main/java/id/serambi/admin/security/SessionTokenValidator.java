package id.serambi.admin.security;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.reactivestreams.Publisher;

import id.serambi.admin.AdminApp;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import id.serambi.core.access.Actor;
import id.serambi.core.account.SessionService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Turns a session token into the signed-in {@link Actor}, looked up in the database on every request so that a
 * revoked session or a disabled account stops working at once. The lookup runs off the event loop.
 */
@Singleton
@AdminApp
class SessionTokenValidator implements TokenValidator<HttpRequest<?>> {
    /** The key of the signed-in {@link Actor} among the authentication's attributes. */
    static final String ACTOR = "serambi.actor";

    private final SessionService sessions;
    private final ExecutorService blocking;

    SessionTokenValidator(SessionService sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        String ip = ClientAddress.of(request);
        String userAgent = request == null ? null : request.getHeaders().get(HttpHeaders.USER_AGENT);
        // A plain Executor (blocking::execute), not the ExecutorService itself: Reactor's ExecutorService
        // scheduler interrupts the worker when the security filter cancels after the first answer, and the
        // request goes on on that very thread, so its next JDBC call found its socket "closed by interrupt"
        // (a rare 500 seen in CI).
        return Mono.fromCallable(() -> sessions.actorFor(token, ip, userAgent))
                .subscribeOn(Schedulers.fromExecutor(blocking::execute))
                .flatMap(actor -> Mono.justOrEmpty(actor.map(a -> Authentication.build(a.username(), Map.of(ACTOR, a)))));
    }
}
