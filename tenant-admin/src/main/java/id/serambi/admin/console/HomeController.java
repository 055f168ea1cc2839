package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.CredentialService;
import id.serambi.core.designation.DesignationResult;
import id.serambi.core.designation.DesignationService;
import id.serambi.core.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantKind;
import id.serambi.core.tenant.TenantListQuery;
import id.serambi.core.tenant.TenantProvisioningService;
import id.serambi.core.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.admin.security.OwnAccount;
import id.serambi.core.access.Action;

/**
 * The console's first page: Kominfo's list of agency sites with the form to create one; an agency's people
 * go straight to their own site's page.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class HomeController {
    static final List<String> TENANT_FIELDS = List.of("slug", "name", "kind", "description");

    private final Pages pages;
    private final TenantService tenants;
    private final TenantProvisioningService provisioning;
    private final DesignationService designations;
    private final CredentialService credentials;

    HomeController(Pages pages, TenantService tenants, TenantProvisioningService provisioning,
                   DesignationService designations, CredentialService credentials) {
        this.pages = pages;
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.designations = designations;
        this.credentials = credentials;
    }

    @OwnAccount
    @Get
    HttpResponse<?> home(HttpRequest<?> request, Actor actor) {
        if (!actor.isPlatformUser()) {
            // Someone working in several agencies chooses one; someone in one goes straight to it.
            if (actor.tenants().size() > 1) {
                return pages.page(request, actor, "my-sites.jte",
                        Map.of("passwordChanged", request.getParameters().getFirst("password").isPresent()));
            }
            String suffix = request.getParameters().getFirst("password").map(p -> "?password=changed").orElse("");
            return actor.tenants().keySet().stream().findFirst()
                    .<HttpResponse<?>>map(slug -> HttpResponse.seeOther(URI.create("/admin/t/" + slug + suffix)))
                    .orElseGet(() -> pages.page(request, actor, "no-role.jte", Map.of()));
        }
        return platformHome(request, actor, HttpStatus.OK, FormState.empty());
    }

    /**
     * Creates a tenant and designates its first admin by letter: the admin gets an activation link by email
     * or on a printed sheet (answered here as the PDF), and chooses their own password. No one types one for them.
     */
    @ActionRule(Action.CREATE_TENANT)
    @Post(value = "/tenants", consumes = MediaType.MULTIPART_FORM_DATA, produces = {MediaType.TEXT_HTML, "application/pdf"})
    HttpResponse<?> createTenant(HttpRequest<?> request, Actor actor, @Nullable @Part("_csrf") String csrf,
                                 @Nullable @Part("slug") String slug, @Nullable @Part("name") String name,
                                 @Nullable @Part("kind") String kind, @Nullable @Part("description") String description,
                                 @Nullable @Part("displayName") String displayName, @Nullable @Part("username") String username,
                                 @Nullable @Part("email") String email,
                                 @Nullable @Part("letterNumber") String letterNumber, @Nullable @Part("letterDate") String letterDate,
                                 @Nullable @Part("signerName") String signerName, @Nullable @Part("signerTitle") String signerTitle,
                                 @Nullable @Part("validFrom") String validFrom, @Nullable @Part("validUntil") String validUntil,
                                 @Nullable @Part("delivery") String delivery, @Nullable @Part("letter") CompletedFileUpload letter) {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        Map<String, String> form = new HashMap<>();
        String[][] parts = {{"slug", slug}, {"name", name}, {"kind", kind}, {"description", description},
                {"displayName", displayName}, {"username", username}, {"email", email}, {"letterNumber", letterNumber},
                {"letterDate", letterDate}, {"signerName", signerName}, {"signerTitle", signerTitle},
                {"validFrom", validFrom}, {"validUntil", validUntil}, {"delivery", delivery}};
        for (String[] part : parts) {
            form.put(part[0], part[1] == null ? "" : part[1]);
        }
        try {
            DesignationResult result = designations.provisionTenant(actor,
                    new NewTenant(form.get("slug"), form.get("name"), form.get("kind"), form.get("description")),
                    DesignationForm.designation(form), DesignationForm.letter(letter));
            if (!result.link().mailed()) {
                Messages messages = pages.messages(request);
                byte[] pdf = HandoverSheet.pdf(messages, result.tenant().name(), result.displayName(),
                        messages.get(result.roleKey()), result.letterNumber(), result.link(),
                        credentials.format(result.link().expiresAt()));
                return HttpResponse.ok(pdf).contentType("application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"serah-terima-" + result.link().username() + ".pdf\"");
            }
            return HttpResponse.seeOther(URI.create("/admin?created=" + result.tenant().slug()));
        } catch (InvalidInputException invalid) {
            return platformHome(request, actor, HttpStatus.BAD_REQUEST,
                    FormState.of(DesignationForm.values(form, TENANT_FIELDS), invalid.errors(), pages.messages(request)));
        }
    }

    private HttpResponse<String> platformHome(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        var parameters = request.getParameters();
        TenantListQuery query;
        List<String> queryErrors = List.of();
        try {
            query = TenantListQuery.parse(parameters.get("q"), parameters.get("status"), parameters.get("kind"),
                    parameters.get("sort"), parameters.get("page"));
        } catch (InvalidInputException invalid) {
            // A hand-edited address: say what was wrong and show the whole list instead.
            var messages = pages.messages(request);
            queryErrors = invalid.errors().stream().map(e -> messages.get(e.messageKey(), e.args().toArray())).toList();
            query = TenantListQuery.DEFAULT;
            if (status == HttpStatus.OK) {
                status = HttpStatus.BAD_REQUEST;
            }
        }
        params.put("list", provisioning.search(actor, query));
        params.put("queryErrors", queryErrors);
        params.put("kinds", TenantKind.values());
        params.put("form", form);
        params.put("created", request.getParameters().getFirst("created").orElse(""));
        params.put("imported", request.getParameters().getFirst("imported").orElse(""));
        params.put("passwordChanged", request.getParameters().getFirst("password").isPresent());
        return pages.render(request, status, "platform-home.jte", pages.withView(request, actor, params));
    }
}
