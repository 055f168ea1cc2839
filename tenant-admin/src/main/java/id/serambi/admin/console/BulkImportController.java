package id.serambi.admin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.designation.BulkProvisioning;
import id.serambi.core.support.AccessDeniedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;

/** Kominfo's bulk provisioning: upload a CSV, see a dry run row by row, then run it all or nothing. */
@Controller("/admin/impor")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class BulkImportController {
    private final Pages pages;
    private final BulkProvisioning bulk;

    BulkImportController(Pages pages, BulkProvisioning bulk) {
        this.pages = pages;
        this.bulk = bulk;
    }

    @ActionRule(Action.CREATE_TENANT)
    @Get
    HttpResponse<String> form(HttpRequest<?> request, Actor actor) {
        if (!actor.hasPlatformRole(Action.CREATE_TENANT.platformRoles())) {
            throw new AccessDeniedException("access.platform_only");
        }
        return page(request, actor, HttpStatus.OK, null, "");
    }

    @ActionRule(Action.CREATE_TENANT)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, Actor actor, @Nullable @Part("_csrf") String csrf,
                           @Nullable @Part("action") String action, @Nullable @Part("file") CompletedFileUpload file) {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        String text;
        try {
            text = file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file == null || file.getFilename() == null ? "" : file.getFilename();
        if ("run".equals(action)) {
            BulkProvisioning.Report report = bulk.run(actor, text);
            if (report.created()) {
                return HttpResponse.seeOther(URI.create("/admin?imported=" + report.rows().size()));
            }
            return page(request, actor, HttpStatus.BAD_REQUEST, report, fileName);
        }
        BulkProvisioning.Report report = bulk.check(actor, text);
        return page(request, actor, report.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, report, fileName);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, HttpStatus status,
                                      BulkProvisioning.Report report, String fileName) {
        Map<String, Object> params = new HashMap<>();
        params.put("report", report);
        params.put("fileName", fileName);
        params.put("columns", String.join(";", BulkProvisioning.COLUMNS));
        return pages.render(request, status, "bulk-import.jte", pages.withView(request, actor, params));
    }
}
