package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.ActivationLink;
import id.serambi.core.account.CredentialService;
import id.serambi.core.designation.Designation;
import id.serambi.core.designation.DesignationResult;
import id.serambi.core.designation.DesignationService;
import id.serambi.core.designation.Letter;
import id.serambi.core.i18n.Messages;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * "Pengelola situs": an agency's designations by letter, with designating a person, re-issuing their
 * activation link and revoking. A printed handover sheet answers as a PDF download.
 */
@Controller("/admin/t/{slug}/pengelola")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class DesignationController {
    private final Pages pages;
    private final TenantService tenants;
    private final DesignationService designations;
    private final CredentialService credentials;

    DesignationController(Pages pages, TenantService tenants, DesignationService designations, CredentialService credentials) {
        this.pages = pages;
        this.tenants = tenants;
        this.designations = designations;
        this.credentials = credentials;
    }

    @ActionRule(Action.VIEW_DESIGNATIONS)
    @Get
    HttpResponse<String> page(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return page(request, actor, slug, HttpStatus.OK, FormState.empty(), FormState.empty());
    }

    @ActionRule(Action.DESIGNATE)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = {MediaType.TEXT_HTML, "application/pdf"})
    HttpResponse<?> designate(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                              @Nullable @Part("_csrf") String csrf,
                              @Nullable @Part("displayName") String displayName, @Nullable @Part("username") String username,
                              @Nullable @Part("email") String email, @Nullable @Part("role") String role,
                              @Nullable @Part("letterNumber") String letterNumber, @Nullable @Part("letterDate") String letterDate,
                              @Nullable @Part("signerName") String signerName, @Nullable @Part("signerTitle") String signerTitle,
                              @Nullable @Part("validFrom") String validFrom, @Nullable @Part("validUntil") String validUntil,
                              @Nullable @Part("delivery") String delivery, @Nullable @Part("letter") CompletedFileUpload letter) {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        Map<String, String> form = new HashMap<>();
        put(form, "displayName", displayName);
        put(form, "username", username);
        put(form, "email", email);
        put(form, "role", role);
        put(form, "letterNumber", letterNumber);
        put(form, "letterDate", letterDate);
        put(form, "signerName", signerName);
        put(form, "signerTitle", signerTitle);
        put(form, "validFrom", validFrom);
        put(form, "validUntil", validUntil);
        put(form, "delivery", delivery);
        try {
            DesignationResult result = designations.designate(actor, slug, DesignationForm.designation(form),
                    DesignationForm.letter(letter));
            if (!result.link().mailed()) {
                return handover(request, result.tenant().name(), result.displayName(), result.roleKey(),
                        result.letterNumber(), result.link());
            }
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengelola?ditunjuk=" + result.designationId()));
        } catch (InvalidInputException invalid) {
            return page(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(DesignationForm.values(form, List.of()), invalid.errors(), pages.messages(request)),
                    FormState.empty());
        }
    }

    @ActionRule(Action.DESIGNATE)
    @Post(value = "/{id}/ulang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = {MediaType.TEXT_HTML, "application/pdf"})
    HttpResponse<?> reissue(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                            @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            ActivationLink link = designations.reissue(actor, slug, id, form.get("delivery"));
            if (!link.mailed()) {
                Designation d = designations.history(actor, slug).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
                return handover(request, tenants.get(actor, slug).name(), d.displayName(), d.role().messageKey(),
                        d.letterNumber(), link);
            }
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengelola?ulang=" + id));
        } catch (InvalidInputException invalid) {
            return page(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.DESIGNATE)
    @Post(value = "/{id}/cabut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                           @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            designations.revoke(actor, slug, id, form.get("reason"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengelola?dicabut=" + id));
        } catch (InvalidInputException invalid) {
            return page(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.VIEW_DESIGNATIONS)
    @Get(value = "/{id}/surat.pdf", produces = "application/pdf")
    HttpResponse<byte[]> letter(Actor actor, @PathVariable String slug, @PathVariable long id) {
        Letter letter = designations.letter(actor, slug, id);
        return HttpResponse.ok(letter.content()).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"surat-penunjukan-" + id + ".pdf\"");
    }

    private HttpResponse<byte[]> handover(HttpRequest<?> request, String agency, String person, String roleKey,
                                          String letterNumber, ActivationLink link) {
        Messages messages = pages.messages(request);
        byte[] pdf = HandoverSheet.pdf(messages, agency, person, messages.get(roleKey), letterNumber, link,
                credentials.format(link.expiresAt()));
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"serah-terima-" + link.username() + ".pdf\"");
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, String slug, HttpStatus status,
                                      FormState form, FormState actionErrors) {
        List<Designation> history = designations.history(actor, slug);
        Tenant tenant = tenants.get(actor, slug);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        params.put("history", history);
        params.put("form", form);
        params.put("actionErrors", actionErrors);
        params.put("roles", DesignationService.ROLES);
        params.put("today", designations.today());
        String notice = request.getParameters().contains("ditunjuk") ? "designations.notice.created"
                : request.getParameters().contains("ulang") ? "designations.notice.reissued"
                : request.getParameters().contains("dicabut") ? "designations.notice.revoked" : "";
        params.put("notice", notice);
        return pages.render(request, status, "designations.jte", pages.withView(request, actor, params));
    }

    private static void put(Map<String, String> form, String name, String value) {
        form.put(name, value == null ? "" : value);
    }
}
