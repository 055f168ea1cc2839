package id.serambi.admin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.complaint.ComplaintAttachments;
import id.serambi.core.complaint.ComplaintChannel;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.complaint.ComplaintStatus;
import id.serambi.core.complaint.ComplaintStep;
import id.serambi.core.complaint.Filed;
import id.serambi.core.complaint.NewComplaint;
import id.serambi.core.media.MediaFile;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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

/**
 * The agency's complaint desk (seed 004): the register with each complaint's clock, one complaint with the
 * steps this person may take, the officer's intake of walk-in / WhatsApp / email / Facebook complaints, and
 * the tenant admin's settings (service on/off, categories, time standards, retention).
 */
@Controller("/admin/t/{slug}")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ComplaintConsoleController {
    private final Pages pages;
    private final ComplaintService complaints;
    private final TenantService tenants;

    ComplaintConsoleController(Pages pages, ComplaintService complaints, TenantService tenants) {
        this.pages = pages;
        this.complaints = complaints;
        this.tenants = tenants;
    }

    @ActionRule(Action.READ_COMPLAINTS)
    @Get("/pengaduan")
    HttpResponse<String> list(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        ComplaintStatus status = request.getParameters().getFirst("status")
                .flatMap(s -> Arrays.stream(ComplaintStatus.values()).filter(v -> v.dbValue().equals(s)).findFirst())
                .orElse(null);
        var items = complaints.list(actor, slug, status);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("items", items);
        params.put("status", status);
        return pages.render(request, HttpStatus.OK, "complaints.jte", pages.withView(request, actor, params));
    }

    @ActionRule(Action.INTAKE_COMPLAINT)
    @Get("/pengaduan/baru")
    HttpResponse<String> intakeForm(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        complaints.require(actor, slug, Action.INTAKE_COMPLAINT);
        var settings = complaints.settings(actor, slug);
        Map<String, String> values = new HashMap<>();
        values.put("formToken", id.serambi.core.complaint.TrackingCodes.newFormToken());
        values.put("channel", "walk_in");
        return intakePage(request, actor, slug, HttpStatus.OK, new FormState(values, Map.of()), settings);
    }

    @ActionRule(Action.INTAKE_COMPLAINT)
    @Post(value = "/pengaduan/baru", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> intake(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        complaints.require(actor, slug, Action.INTAKE_COMPLAINT);
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            Filed filed = complaints.intake(actor, slug, new NewComplaint(form.get("channel"), form.get("name"), form.get("phone"),
                    form.get("email"), form.get("category"), form.get("description"), "on".equals(form.get("consent")),
                    form.get("formToken")));
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", tenants.get(actor, slug));
            params.put("filed", filed);
            return pages.render(request, HttpStatus.OK, "complaint-recorded.jte", pages.withView(request, actor, params));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String f : List.of("channel", "name", "phone", "email", "category", "description", "consent", "formToken")) {
                values.put(f, form.getOrDefault(f, ""));
            }
            return intakePage(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)), complaints.settings(actor, slug));
        }
    }

    @ActionRule(Action.READ_COMPLAINTS)
    @Get("/pengaduan/{id}")
    HttpResponse<String> show(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        return detailPage(request, actor, slug, id, HttpStatus.OK, FormState.empty());
    }

    /** One step of the flow; the service checks the step's own action (officer's steps, official's answer). */
    @ActionRule(Action.READ_COMPLAINTS)
    @Post(value = "/pengaduan/{id}/langkah", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> step(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        complaints.require(actor, slug, Action.READ_COMPLAINTS);
        var step = ComplaintStep.parse(form.getOrDefault("step", "")).filter(ComplaintStep::byOffice);
        if (step.isEmpty()) {
            return detailPage(request, actor, slug, id, HttpStatus.BAD_REQUEST, FormState.of(Map.of(),
                    List.of(FieldError.of("step", "complaint.error.step_unknown")), pages.messages(request)));
        }
        try {
            complaints.act(actor, slug, id, step.get(), form.get("text"), form.get("note"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengaduan/" + id + "?langkah=" + step.get().dbValue()));
        } catch (InvalidInputException invalid) {
            return detailPage(request, actor, slug, id, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of("text", form.getOrDefault("text", ""), "note", form.getOrDefault("note", "")),
                            invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.NOTE_ON_COMPLAINT)
    @Post(value = "/pengaduan/{id}/catatan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> note(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            complaints.addNote(actor, slug, id, form.get("note"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengaduan/" + id));
        } catch (InvalidInputException invalid) {
            return detailPage(request, actor, slug, id, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of(), invalid.errors(), pages.messages(request)));
        }
    }

    /** Files (and an optional internal note) added by an officer or official, in whatever state the complaint is. */
    @ActionRule(Action.NOTE_ON_COMPLAINT)
    @Post(value = "/pengaduan/{id}/lampiran", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> attach(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                           @Nullable @Part("_csrf") String csrf, @Nullable @Part("file") CompletedFileUpload file,
                           @Nullable @Part("note") String note) {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        try {
            List<ComplaintAttachments.Upload> uploads = file == null ? List.of()
                    : List.of(new ComplaintAttachments.Upload(file.getFilename(), file.getBytes()));
            complaints.attach(actor, slug, id, uploads, note);
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengaduan/" + id + "#lampiran"));
        } catch (InvalidInputException invalid) {
            return detailPage(request, actor, slug, id, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of("attachNote", note == null ? "" : note), invalid.errors(), pages.messages(request)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One attachment, for the agency's complaint roles: always as a download (never shown inline), with the
     * stored type and no sniffing, and kept out of shared caches.
     */
    @ActionRule(Action.READ_COMPLAINTS)
    @Get(value = "/pengaduan/{id}/lampiran/{attachmentId}", produces = MediaType.ALL)
    HttpResponse<byte[]> download(Actor actor, @PathVariable String slug, @PathVariable long id, @PathVariable long attachmentId) {
        ComplaintAttachments.Download file = complaints.attachment(actor, slug, id, attachmentId);
        return HttpResponse.ok(file.bytes()).contentType(MediaType.of(file.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, MediaFile.attachmentDisposition(file.fileName()));
    }

    @ActionRule(Action.SET_COMPLAINT_SERVICE)
    @Get("/pengaduan-setelan")
    HttpResponse<String> settings(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        complaints.require(actor, slug, Action.SET_COMPLAINT_SERVICE);
        return settingsPage(request, actor, slug, HttpStatus.OK, asForm(complaints.settings(actor, slug)));
    }

    @ActionRule(Action.SET_COMPLAINT_SERVICE)
    @Post(value = "/pengaduan-setelan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        complaints.require(actor, slug, Action.SET_COMPLAINT_SERVICE);
        try {
            ComplaintStandards standards = new ComplaintStandards(number(form, "receiveMinutes"), number(form, "verifyMinutes"),
                    number(form, "recordMinutes"), number(form, "answerMinutes"), number(form, "escalatedAnswerDays"),
                    number(form, "deliverMinutes"));
            complaints.saveSettings(actor, slug, new ComplaintSettings("on".equals(form.get("enabled")),
                    Arrays.asList(form.getOrDefault("categories", "").split("\\R")), standards, number(form, "retentionDays")));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/pengaduan-setelan?disimpan=1"));
        } catch (InvalidInputException invalid) {
            return settingsPage(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(form, invalid.errors(), pages.messages(request)));
        }
    }

    private static int number(Map<String, String> form, String field) {
        try {
            return Integer.parseInt(form.getOrDefault(field, "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of(field, "complaint.error.number"));
        }
    }

    static FormState asForm(ComplaintSettings s) {
        Map<String, String> values = new HashMap<>();
        values.put("enabled", s.enabled() ? "on" : "");
        values.put("categories", String.join("\n", s.categories()));
        values.put("receiveMinutes", String.valueOf(s.standards().receiveMinutes()));
        values.put("verifyMinutes", String.valueOf(s.standards().verifyMinutes()));
        values.put("recordMinutes", String.valueOf(s.standards().recordMinutes()));
        values.put("answerMinutes", String.valueOf(s.standards().answerMinutes()));
        values.put("escalatedAnswerDays", String.valueOf(s.standards().escalatedAnswerDays()));
        values.put("deliverMinutes", String.valueOf(s.standards().deliverMinutes()));
        values.put("retentionDays", String.valueOf(s.retentionDays()));
        return new FormState(values, Map.of());
    }

    private HttpResponse<String> settingsPage(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("form", form);
        params.put("saved", request.getParameters().getFirst("disimpan").isPresent());
        return pages.render(request, status, "complaint-settings.jte", pages.withView(request, actor, params));
    }

    private HttpResponse<String> intakePage(HttpRequest<?> request, Actor actor, String slug, HttpStatus status, FormState form,
                                            ComplaintSettings settings) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("form", form);
        params.put("categories", settings.categories());
        params.put("channels", Arrays.stream(ComplaintChannel.values()).filter(c -> c != ComplaintChannel.WEB).toList());
        return pages.render(request, status, "complaint-intake.jte", pages.withView(request, actor, params));
    }

    private HttpResponse<String> detailPage(HttpRequest<?> request, Actor actor, String slug, long id, HttpStatus status, FormState form) {
        var detail = complaints.get(actor, slug, id);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenants.get(actor, slug));
        params.put("complaint", detail);
        params.put("form", form);
        params.put("done", request.getParameters().getFirst("langkah").flatMap(ComplaintStep::parse).orElse(null));
        return pages.render(request, status, "complaint-page.jte", pages.withView(request, actor, params));
    }
}
