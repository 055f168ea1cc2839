package id.serambi.admin.api;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.NewAccount;
import id.serambi.core.designation.DesignationService;
import id.serambi.core.designation.LetterUpload;
import id.serambi.core.designation.NewDesignation;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantListQuery;
import id.serambi.core.tenant.TenantProvisioningService;
import id.serambi.core.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/** Tenants through the API: what the console's tenant list and form do. */
@Controller("/api/v1/tenants")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TenantApiController {
    private final TenantService tenants;
    private final TenantProvisioningService provisioning;
    private final DesignationService designations;

    TenantApiController(TenantService tenants, TenantProvisioningService provisioning, DesignationService designations) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.designations = designations;
    }

    /**
     * One page of tenants with hosts, admins, last post and this week's quota; the same parameters as the
     * console's list (q, status, kind, sort = name | last_post | quota, page from 1). Bad values answer 400.
     */
    @ActionRule(Action.LIST_TENANTS)
    @Get("{?q,status,kind,sort,page}")
    TenantListDtos.TenantPage list(Actor actor, @Nullable String q, @Nullable String status, @Nullable String kind,
                                   @Nullable String sort, @Nullable String page) {
        return TenantListDtos.TenantPage.of(provisioning.search(actor, TenantListQuery.parse(q, status, kind, sort, page)));
    }

    /**
     * Creates a tenant with its first admin. With {@code designation} (the letter) the admin is designated and
     * gets an activation link by email: no password is sent or returned. Without it, the older form with an
     * initial {@code admin.password} that must be replaced at first sign-in still works.
     */
    @ActionRule(Action.CREATE_TENANT)
    @Post
    HttpResponse<ApiDtos.TenantView> create(Actor actor, @Body ApiDtos.TenantRequest body) {
        ApiDtos.NewAdmin admin = body.admin() == null ? new ApiDtos.NewAdmin(null, null, null, null) : body.admin();
        if (body.designation() != null) {
            ApiDtos.DesignationLetter letter = body.designation();
            var result = designations.provisionTenant(actor,
                    new NewTenant(body.slug(), body.name(), body.kind(), body.description()),
                    new NewDesignation(admin.displayName(), admin.username(), admin.email(), "tenant_admin",
                            letter.letterNumber(), letter.letterDate(), letter.signerName(), letter.signerTitle(),
                            letter.validFrom(), letter.validUntil(), "email"),
                    LetterUpload.NONE);
            return HttpResponse.created(ApiDtos.TenantView.of(result.tenant()));
        }
        var tenant = tenants.createWithFirstAdmin(actor,
                new NewTenant(body.slug(), body.name(), body.kind(), body.description()),
                new NewAccount(admin.username(), admin.displayName(), admin.email(), admin.password()));
        return HttpResponse.created(ApiDtos.TenantView.of(tenant));
    }

    /** Moves the tenant to another status (active, suspended, archived) with the reason; Kominfo's admins only. */
    @ActionRule(Action.CHANGE_TENANT_STATUS)
    @Post("/{slug}/status")
    ApiDtos.TenantView changeStatus(Actor actor, String slug, @Body ApiDtos.StatusChange body) {
        return ApiDtos.TenantView.of(tenants.changeStatus(actor, slug, body.status(), body.reason()));
    }

    @ActionRule(Action.VIEW_TENANT)
    @Get("/{slug}")
    ApiDtos.TenantView get(Actor actor, String slug) {
        return ApiDtos.TenantView.of(tenants.get(actor, slug));
    }
}
