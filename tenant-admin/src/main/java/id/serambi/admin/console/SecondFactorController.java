package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.Totp;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.account.SessionService;
import id.serambi.admin.security.OwnAccount;

/**
 * The second step of signing in: the code from the authenticator app, or, the first time, enrolling the app
 * by its QR code and keeping the recovery codes.
 */
@Controller("/admin/2fa")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class SecondFactorController {
    private final Pages pages;
    private final SecondFactorService secondFactor;
    private final SessionService sessions;

    SecondFactorController(Pages pages, SecondFactorService secondFactor, SessionService sessions) {
        this.pages = pages;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
    }

    @OwnAccount
    @Get
    HttpResponse<?> form(HttpRequest<?> request, Actor actor) {
        if (!actor.secondFactorPending()) {
            return HttpResponse.seeOther(URI.create("/admin"));
        }
        return page(request, actor, HttpStatus.OK, FormState.empty());
    }

    @OwnAccount
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        // The whole form as one body: binding each field separately hit a rare Netty race in Micronaut 4.10
        // ("Chunk already claimed", a 500 seen in the credentials tests).
        String code = form.get("code");
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        if (!actor.secondFactorPending()) {
            return HttpResponse.seeOther(URI.create("/admin"));
        }
        String token = SessionCookie.read(request).orElseThrow();
        try {
            if (secondFactor.enrolled(actor.userId())) {
                secondFactor.verify(actor, code);
                sessions.completeSecondFactor(token);
                return HttpResponse.seeOther(URI.create("/admin"));
            }
            List<String> recoveryCodes = secondFactor.confirmEnrolment(actor, code);
            sessions.completeSecondFactor(token);
            return pages.page(request, actor, "recovery-codes.jte", Map.of("codes", recoveryCodes));
        } catch (InvalidInputException invalid) {
            return page(request, actor, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("form", form);
        boolean enrolled = secondFactor.enrolled(actor.userId());
        params.put("enrolled", enrolled);
        String secret = enrolled ? "" : secondFactor.enrolmentSecret(actor);
        params.put("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        params.put("qrSvg", enrolled ? "" : QrCode.svg(Totp.otpauthUri(SecondFactorService.ISSUER, actor.username(), secret)));
        return pages.render(request, status, "second-factor.jte", pages.withView(request, actor, params));
    }
}
