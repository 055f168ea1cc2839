package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.designation.DesignationService;
import id.serambi.core.designation.LetterUpload;
import id.serambi.core.designation.NewDesignation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * A tenant's designations through the API: the history, designating (the link goes by email: an API never
 * carries a credential), re-issuing by email and revoking. The scanned letter is uploaded in the console.
 */
@Controller("/api/v1/tenants/{slug}/designations")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class DesignationApiController {
    private final DesignationService designations;

    DesignationApiController(DesignationService designations) {
        this.designations = designations;
    }

    @ActionRule(Action.VIEW_DESIGNATIONS)
    @Get
    List<ApiDtos.DesignationView> history(Actor actor, @PathVariable String slug) {
        return designations.history(actor, slug).stream().map(ApiDtos.DesignationView::of).toList();
    }

    @ActionRule(Action.DESIGNATE)
    @Post
    HttpResponse<ApiDtos.DesignationView> designate(Actor actor, @PathVariable String slug, @Body ApiDtos.DesignationRequest body) {
        var result = designations.designate(actor, slug, new NewDesignation(body.displayName(), body.username(), body.email(),
                body.role(), body.letterNumber(), body.letterDate(), body.signerName(), body.signerTitle(), body.validFrom(),
                body.validUntil(), "email"), LetterUpload.NONE);
        return HttpResponse.created(view(actor, slug, result.designationId()));
    }

    @ActionRule(Action.DESIGNATE)
    @Post("/{id}/reissue")
    HttpResponse<?> reissue(Actor actor, @PathVariable String slug, @PathVariable long id) {
        designations.reissue(actor, slug, id, "email");
        return HttpResponse.noContent();
    }

    @ActionRule(Action.DESIGNATE)
    @Post("/{id}/revoke")
    ApiDtos.DesignationView revoke(Actor actor, @PathVariable String slug, @PathVariable long id, @Body ApiDtos.Revocation body) {
        designations.revoke(actor, slug, id, body.reason());
        return view(actor, slug, id);
    }

    private ApiDtos.DesignationView view(Actor actor, String slug, long id) {
        return designations.history(actor, slug).stream().filter(d -> d.id() == id).findFirst()
                .map(ApiDtos.DesignationView::of).orElseThrow();
    }
}
