package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.support.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.OwnAccount;

/**
 * For people who work in several agencies: the list of their sites and the switcher in the top bar. Only
 * the sites where they hold a role are offered; any other slug is "not found".
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class MySitesController {
    private final Pages pages;

    MySitesController(Pages pages) {
        this.pages = pages;
    }

    @OwnAccount
    @Get("/situs")
    HttpResponse<String> mySites(HttpRequest<?> request, Actor actor) {
        return pages.page(request, actor, "my-sites.jte", Map.of("passwordChanged", false));
    }

    @OwnAccount
    @Get("/pindah")
    HttpResponse<?> switchTo(Actor actor, @Nullable @QueryValue("ke") String slug) {
        if (slug == null || !actor.tenants().containsKey(slug)) {
            throw new NotFoundException("tenant " + slug);
        }
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug));
    }
}
