package id.serambi.admin.console;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.quota.QuotaOverview;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.quota.TenantQuota;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The quota dashboards: the district heatmap of tenants × weeks for Kominfo and coordinators (sortable by
 * compliance, streak and last post), a tenant's weeks with their posts (its admins and editors, and Kominfo's
 * drill-down), and the exemptions Kominfo's admins grant.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class QuotaController {
    static final List<String> SORTS = List.of("nama", "kepatuhan", "streak", "terakhir");
    private static final List<String> EXEMPTION_FIELDS = List.of("tenant", "firstDay", "lastDay", "reason");

    private final Pages pages;
    private final QuotaService quota;

    QuotaController(Pages pages, QuotaService quota) {
        this.pages = pages;
        this.quota = quota;
    }

    @ActionRule(Action.VIEW_QUOTA)
    @Get("/kuota")
    HttpResponse<String> overview(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer minggu,
                                  @Nullable @QueryValue String urut) {
        int weeks = minggu == null ? 12 : minggu;
        QuotaOverview overview = quota.overview(actor, weeks);
        String sort = urut != null && SORTS.contains(urut) ? urut : "kepatuhan";
        List<TenantQuota> rows = overview.tenants().stream().sorted(order(sort)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("overview", overview);
        params.put("rows", rows);
        params.put("sort", sort);
        params.put("span", overview.weeks().size());
        params.put("spans", QuotaService.WEEK_SPANS);
        return pages.page(request, actor, "quota-overview.jte", params);
    }

    /** Worst first for compliance and streak (who needs attention), oldest last post first; the name breaks ties. */
    static Comparator<TenantQuota> order(String sort) {
        Comparator<TenantQuota> byName = Comparator.comparing(TenantQuota::name, String.CASE_INSENSITIVE_ORDER);
        return switch (sort) {
            case "kepatuhan" -> Comparator.comparingDouble(TenantQuota::compliance).thenComparing(byName);
            case "streak" -> Comparator.comparingInt(TenantQuota::streak).thenComparing(byName);
            case "terakhir" -> Comparator.comparing((TenantQuota t) -> t.lastPost() == null ? 0L : t.lastPost().toEpochSecond())
                    .thenComparing(byName);
            default -> byName;
        };
    }

    @ActionRule(Action.VIEW_QUOTA)
    @Get("/t/{slug}/kuota")
    HttpResponse<String> tenant(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                                @Nullable @QueryValue Integer minggu, @Nullable @QueryValue String pekan) {
        TenantQuota record = quota.tenant(actor, slug, minggu == null ? 12 : minggu);
        Map<String, Object> params = new HashMap<>();
        params.put("record", record);
        params.put("span", record.weeks().size());
        params.put("spans", QuotaService.WEEK_SPANS);
        params.put("selectedWeek", pekan == null ? "" : pekan);
        params.put("posts", pekan == null || pekan.isBlank() ? List.of() : quota.postsIn(actor, slug, pekan));
        return pages.page(request, actor, "quota-tenant.jte", params);
    }

    @ActionRule(Action.VIEW_QUOTA)
    @Get("/kuota/pengecualian")
    HttpResponse<String> exemptions(HttpRequest<?> request, Actor actor) {
        return exemptionsPage(request, actor, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.MANAGE_QUOTA_EXEMPTIONS)
    @Post(value = "/kuota/pengecualian", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addExemption(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            quota.addExemption(actor, form.get("tenant"), form.get("firstDay"), form.get("lastDay"), form.get("reason"));
            return HttpResponse.seeOther(URI.create("/admin/kuota/pengecualian"));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            EXEMPTION_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
            return exemptionsPage(request, actor, HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.MANAGE_QUOTA_EXEMPTIONS)
    @Post(value = "/kuota/pengecualian/{id}/cabut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdrawExemption(HttpRequest<?> request, Actor actor, @PathVariable long id,
                                      @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        quota.withdrawExemption(actor, id);
        return HttpResponse.seeOther(URI.create("/admin/kuota/pengecualian"));
    }

    private HttpResponse<String> exemptionsPage(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("exemptions", quota.exemptions(actor));
        params.put("form", form);
        return pages.render(request, status, "quota-exemptions.jte", pages.withView(request, actor, params));
    }
}
