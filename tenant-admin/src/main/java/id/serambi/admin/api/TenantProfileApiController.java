package id.serambi.admin.api;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.tenant.TenantEdit;
import id.serambi.core.tenant.TenantProvisioningService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/** A tenant's profile, host names and logo through the API (Kominfo's admins change them). */
@Controller("/api/v1/tenants/{slug}")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TenantProfileApiController {
    private final TenantProvisioningService provisioning;

    TenantProfileApiController(TenantProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @ActionRule(Action.VIEW_TENANT)
    @Get("/profile")
    TenantListDtos.ProfileView profile(Actor actor, String slug) {
        return TenantListDtos.ProfileView.of(provisioning.profile(actor, slug));
    }

    /** Changes the fields given; those left out keep their current value. */
    @ActionRule(Action.EDIT_TENANT)
    @Patch("/profile")
    TenantListDtos.ProfileView edit(Actor actor, String slug, @Body TenantListDtos.ProfileEdit body) {
        TenantEdit current = TenantEdit.of(provisioning.profileForEdit(actor, slug));
        TenantEdit edit = new TenantEdit(
                or(body.name(), current.name()), or(body.kind(), current.kind()),
                or(body.description(), current.description()), or(body.contactAddress(), current.contactAddress()),
                or(body.contactPhone(), current.contactPhone()), or(body.contactEmail(), current.contactEmail()),
                or(body.officeHours(), current.officeHours()),
                body.quotaMinPerWeek() == null ? current.quotaMinPerWeek() : String.valueOf(body.quotaMinPerWeek()),
                or(body.portalModeration(), current.portalModeration()),
                body.platformMayEdit() == null ? current.platformMayEdit() : body.platformMayEdit());
        return TenantListDtos.ProfileView.of(provisioning.edit(actor, slug, edit));
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post("/hosts")
    HttpResponse<TenantListDtos.ProfileView> addHost(Actor actor, String slug, @Body TenantListDtos.HostRequest body) {
        return HttpResponse.created(TenantListDtos.ProfileView.of(provisioning.addHost(actor, slug, body.host())));
    }

    @ActionRule(Action.EDIT_TENANT)
    @Delete("/hosts/{host}")
    TenantListDtos.ProfileView removeHost(Actor actor, String slug, String host) {
        return TenantListDtos.ProfileView.of(provisioning.removeHost(actor, slug, host));
    }

    /** The logo as the raw request body; its type is decided from the bytes, whatever Content-Type says. */
    @ActionRule(Action.EDIT_TENANT)
    @Put(value = "/logo", consumes = {MediaType.APPLICATION_OCTET_STREAM, "image/png", "image/jpeg", "image/webp"})
    TenantListDtos.ProfileView uploadLogo(Actor actor, String slug, @Body byte[] image) {
        return TenantListDtos.ProfileView.of(provisioning.uploadLogo(actor, slug, image));
    }

    @ActionRule(Action.EDIT_TENANT)
    @Delete("/logo")
    TenantListDtos.ProfileView removeLogo(Actor actor, String slug) {
        return TenantListDtos.ProfileView.of(provisioning.removeLogo(actor, slug));
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }
}
