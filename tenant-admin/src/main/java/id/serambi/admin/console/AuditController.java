package id.serambi.admin.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditEntry;
import id.serambi.core.audit.AuditFilter;
import id.serambi.core.audit.AuditService;
import id.serambi.core.report.Csv;
import id.serambi.core.support.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * The audit trail in the console: Kominfo's admins see every tenant, an agency admin their own. Filters by
 * actor, tenant, action and dates; the same selection downloads as CSV.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class AuditController {
    static final int PAGE_SIZE = 50;
    static final int CSV_LIMIT = 10_000;
    private static final List<String> FIELDS = List.of("tenant", "actor", "action", "from", "to");

    private final Pages pages;
    private final AuditService audit;

    AuditController(Pages pages, AuditService audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @ActionRule(Action.VIEW_AUDIT)
    @Get("/audit")
    HttpResponse<String> platform(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String tenant,
                                  @Nullable @QueryValue Integer page) {
        return show(request, actor, blank(tenant), "/admin/audit", page);
    }

    @ActionRule(Action.VIEW_AUDIT)
    @Get("/t/{slug}/audit")
    HttpResponse<String> tenant(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                                @Nullable @QueryValue Integer page) {
        return show(request, actor, slug, "/admin/t/" + slug + "/audit", page);
    }

    @ActionRule(Action.VIEW_AUDIT)
    @Get("/audit.csv")
    @Produces("text/csv")
    HttpResponse<?> platformCsv(HttpRequest<?> request, Actor actor) {
        return csv(request, actor, blank(request.getParameters().get("tenant")));
    }

    @ActionRule(Action.VIEW_AUDIT)
    @Get("/t/{slug}/audit.csv")
    @Produces("text/csv")
    HttpResponse<?> tenantCsv(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return csv(request, actor, slug);
    }

    private HttpResponse<String> show(HttpRequest<?> request, Actor actor, String tenantSlug, String path, Integer page) {
        List<FieldError> errors = new ArrayList<>();
        AuditFilter filter = filter(request, tenantSlug, errors);
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, request.getParameters().get(f) == null ? "" : request.getParameters().get(f)));
        int current = page == null || page < 1 ? 1 : page;
        List<AuditEntry> entries = errors.isEmpty()
                ? audit.search(actor, filter, (current - 1) * PAGE_SIZE, PAGE_SIZE + 1) : List.of();
        Map<String, Object> params = new HashMap<>();
        params.put("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
        params.put("hasNext", entries.size() > PAGE_SIZE);
        params.put("page", current);
        params.put("path", path);
        params.put("query", query(values));
        params.put("tenantFixed", !path.equals("/admin/audit"));
        params.put("form", FormState.of(values, errors, pages.messages(request)));
        return pages.render(request, errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "audit.jte",
                pages.withView(request, actor, params));
    }

    private HttpResponse<?> csv(HttpRequest<?> request, Actor actor, String tenantSlug) {
        List<FieldError> errors = new ArrayList<>();
        AuditFilter filter = filter(request, tenantSlug, errors);
        if (!errors.isEmpty()) {
            return pages.error(request, actor, HttpStatus.BAD_REQUEST, "audit.bad_date");
        }
        List<List<String>> rows = audit.search(actor, filter, 0, CSV_LIMIT).stream()
                .map(e -> java.util.Arrays.asList(String.valueOf(e.id()), e.occurredAt().toString(), e.actor(),
                        e.tenantSlug(), e.action(), e.subjectType(), e.subjectId(), e.detail(), e.clientIp()))
                .toList();
        String body = Csv.document(List.of("id", "waktu", "pelaku", "situs", "tindakan", "jenis", "objek", "rincian", "alamat_ip"), rows);
        return HttpResponse.ok(body).contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-serambi.csv\"");
    }

    private static AuditFilter filter(HttpRequest<?> request, String tenantSlug, List<FieldError> errors) {
        var p = request.getParameters();
        return new AuditFilter(tenantSlug, blank(p.get("actor")), blank(p.get("action")),
                date("from", p.get("from"), errors), date("to", p.get("to"), errors));
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "audit.bad_date"));
            return null;
        }
    }

    private static String query(Map<String, String> values) {
        StringBuilder q = new StringBuilder();
        values.forEach((k, v) -> {
            if (!v.isBlank()) {
                q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
