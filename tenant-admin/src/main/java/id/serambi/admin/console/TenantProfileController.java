package id.serambi.admin.console;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.PortalModeration;
import id.serambi.core.tenant.TenantEdit;
import id.serambi.core.tenant.TenantKind;
import id.serambi.core.tenant.TenantProfile;
import id.serambi.core.tenant.TenantProvisioningService;
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
 * Kominfo's admins edit an agency's profile: name, kind, description, contact, quota minimum, portal
 * moderation and whether Kominfo may revise its content; its host names; its logo.
 */
@Controller("/admin/t/{slug}/profil")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class TenantProfileController {
    static final List<String> FIELDS = List.of("name", "kind", "description", "contactAddress", "contactPhone",
            "contactEmail", "officeHours", "quotaMinPerWeek", "portalModeration");

    private final Pages pages;
    private final TenantProvisioningService provisioning;

    TenantProfileController(Pages pages, TenantProvisioningService provisioning) {
        this.pages = pages;
        this.provisioning = provisioning;
    }

    @ActionRule(Action.EDIT_TENANT)
    @Get
    HttpResponse<String> form(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        TenantProfile profile = provisioning.profileForEdit(actor, slug);
        return render(request, actor, profile, HttpStatus.OK, formOf(profile), FormState.empty(), FormState.empty());
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            provisioning.edit(actor, slug, new TenantEdit(form.get("name"), form.get("kind"), form.get("description"),
                    form.get("contactAddress"), form.get("contactPhone"), form.get("contactEmail"), form.get("officeHours"),
                    form.get("quotaMinPerWeek"), form.get("portalModeration"), "on".equals(form.get("platformMayEdit"))));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/profil?saved=profile"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
            values.put("platformMayEdit", "on".equals(form.get("platformMayEdit")) ? "on" : "");
            return render(request, actor, provisioning.profileForEdit(actor, slug), HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)), FormState.empty(), FormState.empty());
        }
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post(value = "/host", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addHost(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            provisioning.addHost(actor, slug, form.get("host"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/profil?saved=host"));
        } catch (InvalidInputException invalid) {
            TenantProfile profile = provisioning.profileForEdit(actor, slug);
            return render(request, actor, profile, HttpStatus.BAD_REQUEST, formOf(profile),
                    FormState.of(Map.of("host", form.getOrDefault("host", "")), invalid.errors(), pages.messages(request)),
                    FormState.empty());
        }
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post(value = "/host/hapus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeHost(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        provisioning.removeHost(actor, slug, form.get("host"));
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/profil?saved=host"));
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post(value = "/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                               @Nullable @Part("_csrf") String csrf, @Nullable @Part("logo") CompletedFileUpload logo)
            throws IOException {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        try {
            provisioning.uploadLogo(actor, slug, logo == null ? null : logo.getBytes());
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/profil?saved=logo"));
        } catch (InvalidInputException invalid) {
            TenantProfile profile = provisioning.profileForEdit(actor, slug);
            return render(request, actor, profile, HttpStatus.BAD_REQUEST, formOf(profile), FormState.empty(),
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.EDIT_TENANT)
    @Post(value = "/logo/hapus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeLogo(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        provisioning.removeLogo(actor, slug);
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/profil?saved=logo"));
    }

    /** The stored logo, for the preview on this page. */
    @ActionRule(Action.VIEW_TENANT)
    @Get("/logo")
    @Produces({"image/png", "image/jpeg", "image/webp"})
    HttpResponse<byte[]> logo(Actor actor, @PathVariable String slug) {
        var logo = provisioning.logo(actor, slug).orElseThrow(() -> new NotFoundException("logo " + slug));
        return HttpResponse.ok(logo.image()).contentType(logo.contentType())
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-cache");
    }

    private static FormState formOf(TenantProfile profile) {
        TenantEdit e = TenantEdit.of(profile);
        Map<String, String> values = new HashMap<>();
        values.put("name", e.name());
        values.put("kind", e.kind());
        values.put("description", nz(e.description()));
        values.put("contactAddress", nz(e.contactAddress()));
        values.put("contactPhone", nz(e.contactPhone()));
        values.put("contactEmail", nz(e.contactEmail()));
        values.put("officeHours", nz(e.officeHours()));
        values.put("quotaMinPerWeek", e.quotaMinPerWeek());
        values.put("portalModeration", e.portalModeration());
        values.put("platformMayEdit", e.platformMayEdit() ? "on" : "");
        return new FormState(values, Map.of());
    }

    private HttpResponse<String> render(HttpRequest<?> request, Actor actor, TenantProfile profile, HttpStatus status,
                                        FormState form, FormState hostForm, FormState logoForm) {
        Map<String, Object> params = new HashMap<>();
        params.put("profile", profile);
        params.put("form", form);
        params.put("hostForm", hostForm);
        params.put("logoForm", logoForm);
        params.put("kinds", TenantKind.values());
        params.put("moderations", PortalModeration.values());
        params.put("saved", request.getParameters().getFirst("saved").orElse(""));
        return pages.render(request, status, "tenant-profile.jte", pages.withView(request, actor, params));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
