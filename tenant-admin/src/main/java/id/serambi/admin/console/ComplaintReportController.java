package id.serambi.admin.console;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.complaint.ComplaintReport;
import id.serambi.core.complaint.ComplaintReports;
import id.serambi.core.tenant.TenantService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Complaint figures by month: the agency's dashboard and the district view for Kominfo and the coordinators,
 * each also as CSV and XLSX ({@code ?format=csv|xlsx}). Counts and office-hour times only, no personal data.
 */
@Controller("/admin")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ComplaintReportController {
    static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Pages pages;
    private final ComplaintReports reports;
    private final TenantService tenants;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintReportController(Pages pages, ComplaintReports reports, TenantService tenants, Clock clock, ZoneId zone) {
        this.pages = pages;
        this.reports = reports;
        this.tenants = tenants;
        this.clock = clock;
        this.zone = zone;
    }

    @ActionRule(Action.VIEW_COMPLAINT_REPORT)
    @Get("/t/{slug}/pengaduan-laporan")
    HttpResponse<?> tenant(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        YearMonth month = month(request);
        ComplaintReport report = reports.forTenant(actor, slug, month);
        var download = download(request, List.of(report), "pengaduan-" + slug + "-" + month);
        if (download != null) {
            return download;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("reports", List.of(report));
        params.put("month", month);
        params.put("base", "/admin/t/" + slug + "/pengaduan-laporan");
        return pages.render(request, HttpStatus.OK, "complaint-report.jte", pages.withView(request, actor, params));
    }

    @ActionRule(Action.VIEW_COMPLAINT_REPORT)
    @Get("/pengaduan-laporan")
    HttpResponse<?> district(HttpRequest<?> request, Actor actor) {
        YearMonth month = month(request);
        List<ComplaintReport> all = reports.forDistrict(actor, month);
        var download = download(request, all, "pengaduan-kabupaten-" + month);
        if (download != null) {
            return download;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", null);
        params.put("reports", all);
        params.put("month", month);
        params.put("base", "/admin/pengaduan-laporan");
        return pages.render(request, HttpStatus.OK, "complaint-report.jte", pages.withView(request, actor, params));
    }

    private HttpResponse<?> download(HttpRequest<?> request, List<ComplaintReport> all, String name) {
        String format = request.getParameters().getFirst("format").orElse("");
        if (format.equals("csv")) {
            return HttpResponse.ok(ComplaintReports.csv(all)).contentType(MediaType.of("text/csv;charset=utf-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
        }
        if (format.equals("xlsx")) {
            return HttpResponse.ok(ComplaintReports.xlsx(all)).contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"");
        }
        return null;
    }

    private YearMonth month(HttpRequest<?> request) {
        try {
            return request.getParameters().getFirst("bulan").map(YearMonth::parse)
                    .orElseGet(() -> YearMonth.from(OffsetDateTime.now(clock).atZoneSameInstant(zone)));
        } catch (DateTimeParseException e) {
            return YearMonth.from(OffsetDateTime.now(clock).atZoneSameInstant(zone));
        }
    }
}
