package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ClientAddress;
import id.serambi.core.account.Account;
import id.serambi.core.account.CredentialService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.PublicEndpoint;

/**
 * The public pages of one-time links: choosing one's first password (activation) and a forgotten one (reset
 * request and reset). No session exists yet; forms carry the public-page token ({@link Pages#publicPage}).
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
class CredentialsController {
    private final Pages pages;
    private final CredentialService credentials;

    CredentialsController(Pages pages, CredentialService credentials) {
        this.pages = pages;
        this.credentials = credentials;
    }

    @PublicEndpoint
    @Get("/aktivasi/{token}")
    HttpResponse<String> activationForm(HttpRequest<?> request, @PathVariable String token) {
        return credentials.pendingActivation(token)
                .map(account -> choosePassword(request, HttpStatus.OK, "activation", account, FormState.empty()))
                .orElseGet(() -> linkInvalid(request));
    }

    @PublicEndpoint
    @Post(value = "/aktivasi/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activate(HttpRequest<?> request, @PathVariable String token, @Body Map<String, String> form) {
        if (!Pages.publicCsrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, null);
        }
        try {
            credentials.activate(token, form.get("password"), form.get("confirmation"), ClientAddress.of(request),
                    request.getHeaders().get(HttpHeaders.USER_AGENT));
            return HttpResponse.seeOther(URI.create("/admin/login?aktif=1"));
        } catch (NotFoundException gone) {
            return linkInvalid(request);
        } catch (InvalidInputException invalid) {
            return credentials.pendingActivation(token)
                    .map(account -> choosePassword(request, HttpStatus.BAD_REQUEST, "activation", account,
                            FormState.of(Map.of(), invalid.errors(), pages.messages(request))))
                    .orElseGet(() -> linkInvalid(request));
        }
    }

    @PublicEndpoint
    @Get("/lupa-sandi")
    HttpResponse<String> forgotForm(HttpRequest<?> request) {
        return pages.publicPage(request, HttpStatus.OK, "forgot-password.jte", Map.of("sent", false));
    }

    /** Always the same answer, whether or not the account exists, has an email, or was throttled. */
    @PublicEndpoint
    @Post(value = "/lupa-sandi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> forgot(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!Pages.publicCsrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, null);
        }
        credentials.requestPasswordReset(form.get("account"), ClientAddress.of(request),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
        return HttpResponse.seeOther(URI.create("/admin/lupa-sandi/terkirim"));
    }

    @PublicEndpoint
    @Get("/lupa-sandi/terkirim")
    HttpResponse<String> forgotSent(HttpRequest<?> request) {
        return pages.publicPage(request, HttpStatus.OK, "forgot-password.jte", Map.of("sent", true));
    }

    @PublicEndpoint
    @Get("/atur-ulang/{token}")
    HttpResponse<String> resetForm(HttpRequest<?> request, @PathVariable String token) {
        return credentials.pendingReset(token)
                .map(account -> choosePassword(request, HttpStatus.OK, "reset", account, FormState.empty()))
                .orElseGet(() -> linkInvalid(request));
    }

    @PublicEndpoint
    @Post(value = "/atur-ulang/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(HttpRequest<?> request, @PathVariable String token, @Body Map<String, String> form) {
        if (!Pages.publicCsrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, null);
        }
        try {
            credentials.resetPassword(token, form.get("password"), form.get("confirmation"), ClientAddress.of(request),
                    request.getHeaders().get(HttpHeaders.USER_AGENT));
            return HttpResponse.seeOther(URI.create("/admin/login?sandi=baru"));
        } catch (NotFoundException gone) {
            return linkInvalid(request);
        } catch (InvalidInputException invalid) {
            return credentials.pendingReset(token)
                    .map(account -> choosePassword(request, HttpStatus.BAD_REQUEST, "reset", account,
                            FormState.of(Map.of(), invalid.errors(), pages.messages(request))))
                    .orElseGet(() -> linkInvalid(request));
        }
    }

    private HttpResponse<String> choosePassword(HttpRequest<?> request, HttpStatus status, String mode, Account account, FormState form) {
        return pages.publicPage(request, status, "choose-password.jte",
                Map.of("mode", mode, "username", account.username(), "displayName", account.displayName(),
                        "action", request.getPath(), "form", form));
    }

    // 410 Gone: the link existed once or never did; the reader is told what to do next, not which.
    private HttpResponse<String> linkInvalid(HttpRequest<?> request) {
        return pages.publicPage(request, HttpStatus.GONE, "link-invalid.jte", Map.of());
    }
}
