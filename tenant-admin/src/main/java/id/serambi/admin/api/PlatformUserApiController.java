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

/** Kominfo's platform users through the API: platform roles and disabling accounts (platform admins only). */
@Controller("/api/v1/platform-users")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class PlatformUserApiController {
    private final TeamService team;

    PlatformUserApiController(TeamService team) {
        this.team = team;
    }

    @ActionRule(Action.VIEW_PLATFORM_USERS)
    @Get
    List<TenantListDtos.Member> list(Actor actor) {
        return team.platformUsers(actor).stream().map(TenantListDtos.Member::of).toList();
    }

    @ActionRule(Action.MANAGE_PLATFORM_USERS)
    @Post
    HttpResponse<?> grant(Actor actor, @Body TenantListDtos.RoleRequest body) {
        team.grantPlatform(actor, body.username(), body.role());
        return HttpResponse.noContent();
    }

    @ActionRule(Action.MANAGE_PLATFORM_USERS)
    @Delete("/{username}/roles/{role}")
    HttpResponse<?> revoke(Actor actor, String username, String role) {
        team.revokePlatform(actor, username, role);
        return HttpResponse.noContent();
    }

    @ActionRule(Action.DISABLE_ACCOUNT)
    @Post("/{username}/disable")
    HttpResponse<?> disable(Actor actor, String username, @Body TenantListDtos.Disable body) {
        team.setAccountActive(actor, username, false, body.reason());
        return HttpResponse.noContent();
    }

    @ActionRule(Action.DISABLE_ACCOUNT)
    @Post("/{username}/enable")
    HttpResponse<?> enable(Actor actor, String username) {
        team.setAccountActive(actor, username, true, null);
        return HttpResponse.noContent();
    }
}
