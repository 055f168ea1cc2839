package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ClientAddress;
import id.serambi.admin.security.SignedIn;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Account;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.SessionService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.OwnAccount;
import id.serambi.admin.security.PublicEndpoint;

/** API sign-in: trade a user name and password for a bearer token (a revocable session). */
@Controller("/api/v1/sessions")
@AdminApp
class SessionApiController {
    private final AccountService accounts;
    private final SessionService sessions;
    private final ErrorResponses errors;
    private final SecondFactorService secondFactor;

    SessionApiController(AccountService accounts, SessionService sessions, ErrorResponses errors,
                         SecondFactorService secondFactor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.errors = errors;
        this.secondFactor = secondFactor;
    }

    @PublicEndpoint
    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body ApiDtos.Credentials credentials) {
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        LoginResult result = accounts.authenticate(credentials.username(), credentials.password(),
                ClientAddress.of(request), userAgent);
        return switch (result) {
            case LoginResult.SignedIn signedIn -> secondStep(request, signedIn.account(), credentials.code(), userAgent);
            case LoginResult.Refused refused -> errors.respond(request, HttpStatus.UNAUTHORIZED, "login.failed", List.of());
            case LoginResult.Suspended suspended -> errors.respond(request, HttpStatus.FORBIDDEN, "login.suspended", List.of());
            case LoginResult.Throttled throttled -> errors.respond(request,
                    HttpStatus.TOO_MANY_REQUESTS, "login.throttled_api", List.of())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
        };
    }

    // An API client sends the authenticator code with the password; enrolling happens in the console.
    private HttpResponse<?> secondStep(HttpRequest<?> request, Account account, String code, String userAgent) {
        if (secondFactor.required(account.id())) {
            if (!secondFactor.enrolled(account.id())) {
                return errors.respond(request, HttpStatus.FORBIDDEN, "second_factor.enrol_in_console", List.of());
            }
            secondFactor.verify(new Actor(account.id(), account.username(), account.displayName(), List.of(),
                    ClientAddress.of(request), userAgent), code);
        }
        return HttpResponse.created(new ApiDtos.SessionToken(
                sessions.open(account, ClientAddress.of(request), userAgent), sessions.lifetime().toSeconds()));
    }

    @OwnAccount
    @Delete("/current")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(HttpRequest<?> request, Actor actor) {
        SignedIn.token(request).ifPresent(token -> sessions.close(actor, token));
        return HttpResponse.noContent();
    }
}
