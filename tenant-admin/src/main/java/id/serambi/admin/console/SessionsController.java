package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.access.Actor;
import id.serambi.core.account.SessionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.OwnAccount;

/** "Sesi saya": where a person sees where they are signed in and ends what they do not recognise. */
@Controller("/admin/sessions")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class SessionsController {
    private final Pages pages;
    private final SessionService sessions;

    SessionsController(Pages pages, SessionService sessions) {
        this.pages = pages;
        this.sessions = sessions;
    }

    @OwnAccount
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        return pages.page(request, actor, "sessions.jte",
                Map.of("sessions", sessions.liveSessions(actor, SessionCookie.read(request).orElse(null))));
    }

    @OwnAccount
    @Post(value = "/{id}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(HttpRequest<?> request, Actor actor, @PathVariable long id, @Body Map<String, String> form) {
        String _csrf = form.get("_csrf"); // one body binding: see SecondFactorController#submit
        if (!Pages.csrfValid(request, _csrf)) {
            return pages.csrfRefused(request, actor);
        }
        sessions.endOwn(actor, id);
        return HttpResponse.seeOther(URI.create("/admin/sessions"));
    }
}
