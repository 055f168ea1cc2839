package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
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
import id.serambi.admin.security.OwnAccount;

/** Changing one's own password; the first thing someone does who signed in with an initial password. */
@Controller("/admin/kata-sandi")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PasswordController {
    private final Pages pages;
    private final AccountService accounts;

    PasswordController(Pages pages, AccountService accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    @OwnAccount
    @Get
    HttpResponse<String> form(HttpRequest<?> request, Actor actor) {
        return pages.page(request, actor, "password.jte", Map.of("form", FormState.empty()));
    }

    @OwnAccount
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            accounts.changePassword(actor, SessionCookie.read(request).orElse(null), form.get("current"),
                    form.get("password"), form.get("confirmation"));
            return HttpResponse.seeOther(URI.create("/admin?password=changed"));
        } catch (InvalidInputException invalid) {
            // Passwords are never shown again, not even the ones just typed.
            return pages.render(request, HttpStatus.BAD_REQUEST, "password.jte", pages.withView(request, actor,
                    Map.of("form", FormState.of(Map.of(), invalid.errors(), pages.messages(request)))));
        }
    }
}
