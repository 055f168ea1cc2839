package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.team.TeamService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
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
import id.serambi.admin.security.ActionRule;

/** An agency's team: who holds which role; its admin (or Kominfo's admins) grant, change and remove roles. */
@Controller("/admin/t/{slug}/tim")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TeamController {
    private final Pages pages;
    private final TeamService team;
    private final TenantService tenants;

    TeamController(Pages pages, TeamService team, TenantService tenants) {
        this.pages = pages;
        this.team = team;
        this.tenants = tenants;
    }

    @ActionRule(Action.VIEW_TEAM)
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return render(request, actor, slug, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> grant(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        return act(request, actor, slug, form, "granted", () -> team.grant(actor, slug, form.get("username"), form.get("role")));
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Post(value = "/cabut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        return act(request, actor, slug, form, "revoked", () -> team.revoke(actor, slug, form.get("username"), form.get("role")));
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Post(value = "/ubah", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        return act(request, actor, slug, form, "changed",
                () -> team.change(actor, slug, form.get("username"), form.get("from"), form.get("to")));
    }

    private HttpResponse<?> act(HttpRequest<?> request, Actor actor, String slug, Map<String, String> form, String done,
                                Runnable change) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            change.run();
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/tim?saved=" + done));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = Map.of("username", form.getOrDefault("username", ""), "role", form.getOrDefault("role", ""));
            return render(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    private HttpResponse<String> render(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form) {
        var members = team.team(actor, slug);
        Tenant tenant = tenants.get(actor, slug);
        var messages = pages.messages(request);
        Map<String, Object> params = new HashMap<>();
        params.put("title", messages.get("team.title", tenant.name()));
        params.put("backLink", "/admin/t/" + slug);
        params.put("backLabel", tenant.name());
        params.put("basePath", "/admin/t/" + slug + "/tim");
        params.put("members", members);
        params.put("roles", TeamService.tenantRoles());
        params.put("canManage", actor.rolesIn(slug).stream().anyMatch(Action.MANAGE_TEAM.tenantRoles()::contains)
                || actor.hasPlatformRole(Action.MANAGE_TEAM.platformRoles()));
        params.put("platform", false);
        params.put("form", form);
        params.put("saved", request.getParameters().getFirst("saved").filter(s -> s.matches("granted|revoked|changed")).orElse(""));
        return pages.render(request, status, "team.jte", pages.withView(request, actor, params));
    }
}
