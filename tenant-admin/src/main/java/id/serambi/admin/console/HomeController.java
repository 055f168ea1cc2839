package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.account.NewAccount;
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
import io.micronaut.http.annotation.Body;
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
    static final List<String> TENANT_FIELDS = List.of("slug", "name", "kind", "description",
            "admin.username", "admin.displayName", "admin.email");

    private final Pages pages;
    private final TenantService tenants;
    private final TenantProvisioningService provisioning;

    HomeController(Pages pages, TenantService tenants, TenantProvisioningService provisioning) {
        this.pages = pages;
        this.tenants = tenants;
        this.provisioning = provisioning;
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

    @ActionRule(Action.CREATE_TENANT)
    @Post(value = "/tenants", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createTenant(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            Tenant tenant = tenants.createWithFirstAdmin(actor,
                    new NewTenant(form.get("slug"), form.get("name"), form.get("kind"), form.get("description")),
                    new NewAccount(form.get("admin.username"), form.get("admin.displayName"), form.get("admin.email"),
                            form.get("admin.password")));
            return HttpResponse.seeOther(URI.create("/admin?created=" + tenant.slug()));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            TENANT_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
            return platformHome(request, actor, HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)));
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
        params.put("passwordChanged", request.getParameters().getFirst("password").isPresent());
        return pages.render(request, status, "platform-home.jte", pages.withView(request, actor, params));
    }
}
