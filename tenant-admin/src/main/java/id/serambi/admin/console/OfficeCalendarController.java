package id.serambi.admin.console;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Kominfo's holiday calendar: complaint clocks stop on these days. */
@Controller("/admin/hari-libur")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class OfficeCalendarController {
    private final Pages pages;
    private final ComplaintService complaints;

    OfficeCalendarController(Pages pages, ComplaintService complaints) {
        this.pages = pages;
        this.complaints = complaints;
    }

    @ActionRule(Action.MANAGE_OFFICE_CALENDAR)
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        return page(request, actor, HttpStatus.OK, FormState.empty());
    }

    @ActionRule(Action.MANAGE_OFFICE_CALENDAR)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        var existing = complaints.holidays(actor);
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            LocalDate day = parse(form.get("day"));
            if ("remove".equals(form.get("action"))) {
                if (existing.containsKey(day)) {
                    complaints.removeHoliday(actor, day);
                }
            } else {
                complaints.setHoliday(actor, day, form.get("name"));
            }
            return HttpResponse.seeOther(URI.create("/admin/hari-libur"));
        } catch (InvalidInputException invalid) {
            return page(request, actor, HttpStatus.BAD_REQUEST, FormState.of(form, invalid.errors(), pages.messages(request)));
        }
    }

    private static LocalDate parse(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of("day", "complaint.error.date"));
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("holidays", complaints.holidays(actor));
        params.put("form", form);
        return pages.render(request, status, "holidays.jte", pages.withView(request, actor, params));
    }
}
