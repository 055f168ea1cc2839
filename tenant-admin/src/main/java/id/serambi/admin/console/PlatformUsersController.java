package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.team.TeamService;
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
import id.serambi.admin.security.ActionRule;

/** Kominfo's own people: platform admins, staff and coordinators; granting and removing roles, disabling accounts. */
@Controller("/admin/pengguna")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PlatformUsersController {
    private final Pages pages;
    private final TeamService team;

    PlatformUsersController(Pages pages, TeamService team) {
        this.pages = pages;
        this.team = team;
    }

    @ActionRule(Action.VIEW_PLATFORM_USERS)
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        return render(request, actor, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.MANAGE_PLATFORM_USERS)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> grant(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "granted", () -> team.grantPlatform(actor, form.get("username"), form.get("role")));
    }

    @ActionRule(Action.MANAGE_PLATFORM_USERS)
    @Post(value = "/cabut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "revoked", () -> team.revokePlatform(actor, form.get("username"), form.get("role")));
    }

    @ActionRule(Action.DISABLE_ACCOUNT)
    @Post(value = "/nonaktifkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "disabled",
                () -> team.setAccountActive(actor, form.get("username"), false, form.get("reason")));
    }

    @ActionRule(Action.DISABLE_ACCOUNT)
    @Post(value = "/aktifkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        return act(request, actor, form, "enabled", () -> team.setAccountActive(actor, form.get("username"), true, null));
    }

    private HttpResponse<?> act(HttpRequest<?> request, Actor actor, Map<String, String> form, String done, Runnable change) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            change.run();
            return HttpResponse.seeOther(URI.create("/admin/pengguna?saved=" + done));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = Map.of("username", form.getOrDefault("username", ""), "role", form.getOrDefault("role", ""));
            return render(request, actor, HttpStatus.BAD_REQUEST, FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    private HttpResponse<String> render(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        var members = team.platformUsers(actor);
        var messages = pages.messages(request);
        Map<String, Object> params = new HashMap<>();
        params.put("title", messages.get("platform_users.title"));
        params.put("backLink", "/admin");
        params.put("backLabel", messages.get("tenants.title"));
        params.put("basePath", "/admin/pengguna");
        params.put("members", members);
        params.put("roles", TeamService.platformRoles());
        params.put("canManage", actor.hasPlatformRole(Action.MANAGE_PLATFORM_USERS.platformRoles()));
        params.put("platform", true);
        params.put("form", form);
        params.put("saved", request.getParameters().getFirst("saved")
                .filter(s -> s.matches("granted|revoked|disabled|enabled")).orElse(""));
        return pages.render(request, status, "team.jte", pages.withView(request, actor, params));
    }
}
