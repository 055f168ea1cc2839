package id.serambi.admin.console;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.report.Report;
import id.serambi.core.report.ReportCsv;
import id.serambi.core.report.ReportPdf;
import id.serambi.core.report.ReportPeriod;
import id.serambi.core.report.ReportService;
import id.serambi.core.report.ReportXlsx;
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

/**
 * Weekly, monthly and six-monthly reports: the district's for Kominfo and coordinators, a tenant's for its
 * admins (and Kominfo), each downloadable as CSV, XLSX or PDF.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportsController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final Pages pages;
    private final ReportService reports;

    ReportsController(Pages pages, ReportService reports) {
        this.pages = pages;
        this.reports = reports;
    }

    @ActionRule(Action.VIEW_REPORTS)
    @Get("/laporan")
    HttpResponse<String> district(HttpRequest<?> request, Actor actor) {
        reports.requireDistrict(actor);
        return page(request, actor, "/admin/laporan/unduh", null);
    }

    @ActionRule(Action.VIEW_REPORTS)
    @Get("/t/{slug}/laporan")
    HttpResponse<String> tenant(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        reports.requireTenant(actor, slug);
        return page(request, actor, "/admin/t/" + slug + "/laporan/unduh", slug);
    }

    @ActionRule(Action.VIEW_REPORTS)
    @Get("/laporan/unduh")
    @Produces({"text/csv", XLSX, "application/pdf"})
    HttpResponse<?> districtFile(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String periode,
                                 @Nullable @QueryValue String format) {
        return file(request, actor, reports.district(actor, periode), format);
    }

    @ActionRule(Action.VIEW_REPORTS)
    @Get("/t/{slug}/laporan/unduh")
    @Produces({"text/csv", XLSX, "application/pdf"})
    HttpResponse<?> tenantFile(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                               @Nullable @QueryValue String periode, @Nullable @QueryValue String format) {
        return file(request, actor, reports.tenant(actor, slug, periode), format);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, String download, String slug) {
        Map<String, Object> params = new HashMap<>();
        params.put("download", download);
        params.put("slug", slug == null ? "" : slug);
        params.put("weeks", reports.recentPeriods(ReportPeriod.Kind.WEEK, 8));
        params.put("months", reports.recentPeriods(ReportPeriod.Kind.MONTH, 12));
        params.put("halves", reports.recentPeriods(ReportPeriod.Kind.HALF_YEAR, 4));
        return pages.page(request, actor, "reports.jte", params);
    }

    private HttpResponse<?> file(HttpRequest<?> request, Actor actor, Report report, String format) {
        String kind = format == null ? "pdf" : format;
        return switch (kind) {
            case "csv" -> download(ReportCsv.render(report).getBytes(StandardCharsets.UTF_8), "text/csv;charset=utf-8",
                    report.fileName() + ".csv");
            case "xlsx" -> download(ReportXlsx.render(report), XLSX, report.fileName() + ".xlsx");
            case "pdf" -> download(ReportPdf.render(report), "application/pdf", report.fileName() + ".pdf");
            default -> pages.error(request, actor, HttpStatus.BAD_REQUEST, "report.bad_format");
        };
    }

    private static HttpResponse<byte[]> download(byte[] body, String type, String name) {
        return HttpResponse.ok(body).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
