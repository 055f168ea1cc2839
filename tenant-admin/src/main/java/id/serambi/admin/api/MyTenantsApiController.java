package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.OwnAccount;

/** The tenants the signed-in person works in, with their roles there: what the console's switcher offers. */
@Controller("/api/v1/account/tenants")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class MyTenantsApiController {
    @OwnAccount
    @Get
    List<TenantListDtos.MyTenant> list(Actor actor) {
        return actor.tenants().entrySet().stream()
                .map(e -> new TenantListDtos.MyTenant(e.getKey(), e.getValue(),
                        actor.rolesIn(e.getKey()).stream().map(Role::dbValue).sorted().toList()))
                .toList();
    }
}
