package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.team.TeamService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/** An agency's team through the API: list, grant, change and remove roles (removing ends the person's sessions). */
@Controller("/api/v1/tenants/{slug}/team")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TeamApiController {
    private final TeamService team;

    TeamApiController(TeamService team) {
        this.team = team;
    }

    @ActionRule(Action.VIEW_TEAM)
    @Get
    List<TenantListDtos.Member> list(Actor actor, String slug) {
        return team.team(actor, slug).stream().map(TenantListDtos.Member::of).toList();
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Post
    HttpResponse<?> grant(Actor actor, String slug, @Body TenantListDtos.RoleRequest body) {
        team.grant(actor, slug, body.username(), body.role());
        return HttpResponse.noContent();
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Post("/{username}/role")
    HttpResponse<?> change(Actor actor, String slug, String username, @Body TenantListDtos.RoleChange body) {
        team.change(actor, slug, username, body.from(), body.to());
        return HttpResponse.noContent();
    }

    @ActionRule(Action.MANAGE_TEAM)
    @Delete("/{username}/roles/{role}")
    HttpResponse<?> revoke(Actor actor, String slug, String username, String role) {
        team.revoke(actor, slug, username, role);
        return HttpResponse.noContent();
    }
}
