package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ClientAddress;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.i18n.Messages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.OwnAccount;
import id.serambi.admin.security.PublicEndpoint;

/** Signing in and out of the console. */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
class LoginController {
    private final Pages pages;
    private final AccountService accounts;
    private final SessionService sessions;
    private final SessionCookie cookie;
    private final SecondFactorService secondFactor;

    LoginController(Pages pages, AccountService accounts, SessionService sessions, SessionCookie cookie,
                    SecondFactorService secondFactor) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.secondFactor = secondFactor;
    }

    @PublicEndpoint
    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> form(HttpRequest<?> request) {
        Messages messages = pages.messages(request);
        String notice = request.getParameters().contains("aktif") ? messages.get("credentials.activated")
                : request.getParameters().contains("sandi") ? messages.get("credentials.reset_done") : "";
        return pages.page(request, null, "login.jte", Map.of("username", "", "error", "", "notice", notice));
    }

    @PublicEndpoint
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        // One body, not one binding per field: see SecondFactorController#submit.
        String username = form.get("username");
        String password = form.get("password");
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        LoginResult result = accounts.authenticate(username, password, ClientAddress.of(request), userAgent);
        Messages messages = pages.messages(request);
        return switch (result) {
            case LoginResult.SignedIn signedIn -> {
                boolean secondStep = secondFactor.required(signedIn.account().id());
                String token = sessions.open(signedIn.account(), ClientAddress.of(request), userAgent, secondStep);
                yield HttpResponse.seeOther(URI.create(secondStep ? "/admin/2fa" : "/admin")).cookie(cookie.create(request, token));
            }
            case LoginResult.Refused refused -> loginAgain(request, HttpStatus.UNAUTHORIZED, username,
                    messages.get("login.failed"));
            case LoginResult.Suspended suspended -> loginAgain(request, HttpStatus.FORBIDDEN, username,
                    messages.get("login.suspended"));
            case LoginResult.Throttled throttled -> loginAgain(request, HttpStatus.TOO_MANY_REQUESTS, username,
                    messages.get("login.throttled", throttled.seconds()))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
        };
    }

    private MutableHttpResponse<String> loginAgain(HttpRequest<?> request, HttpStatus status, String username, String error) {
        return pages.render(request, status, "login.jte", pages.withView(request, null,
                Map.of("username", username == null ? "" : username, "error", error)));
    }

    @OwnAccount
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> logout(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (Pages.csrfValid(request, form.get("_csrf"))) {
            SessionCookie.read(request).ifPresent(token -> sessions.close(actor, token));
        }
        return HttpResponse.seeOther(URI.create("/admin/login")).cookie(cookie.expired(request));
    }
}
