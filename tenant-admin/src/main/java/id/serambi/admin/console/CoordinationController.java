package id.serambi.admin.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.coordination.CoordinationService;
import id.serambi.core.coordination.StreamFilter;
import id.serambi.core.disposition.DispositionService;
import id.serambi.core.post.PostId;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The coordinators' pages (Bupati, Wakil Bupati, Sekda, Asisten, and Kominfo): the review stream with marks on
 * posts, and dispositions, sent from here and answered by the agency on its own disposition pages. Plain lists
 * that read on a phone.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class CoordinationController {
    private final Pages pages;
    private final CoordinationService coordination;
    private final DispositionService dispositions;
    private final TenantService tenants;

    CoordinationController(Pages pages, CoordinationService coordination, DispositionService dispositions,
                           TenantService tenants) {
        this.pages = pages;
        this.coordination = coordination;
        this.dispositions = dispositions;
        this.tenants = tenants;
    }

    @ActionRule(Action.READ_REVIEW_STREAM)
    @Get("/tinjauan-berita")
    HttpResponse<String> stream(HttpRequest<?> request, Actor actor) {
        return streamPage(request, actor, HttpStatus.OK, List.of());
    }

    private HttpResponse<String> streamPage(HttpRequest<?> request, Actor actor, HttpStatus status, List<String> problems) {
        // Access is checked before the filter is read.
        coordination.agencies(actor);
        var p = request.getParameters();
        StreamFilter filter;
        List<String> all = new java.util.ArrayList<>(problems);
        try {
            filter = StreamFilter.parse(p.getFirst("agency"), p.getFirst("category"), p.getFirst("from"), p.getFirst("to"),
                    p.getFirst("page"));
        } catch (InvalidInputException invalid) {
            var messages = pages.messages(request);
            invalid.errors().forEach(e -> all.add(messages.get(e.messageKey(), e.args().toArray())));
            filter = StreamFilter.ALL;
            status = HttpStatus.BAD_REQUEST;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("stream", coordination.stream(actor, filter));
        params.put("problems", all);
        params.put("marked", p.getFirst("ditandai").orElse(""));
        params.put("query", request.getUri().getRawQuery() == null ? "" : request.getUri().getRawQuery());
        return pages.render(request, status, "review-stream.jte", pages.withView(request, actor, params));
    }

    /** A mark on a post (noted, commended, flagged) with a note; back to the stream where it was given. */
    @ActionRule(Action.MARK_POST)
    @Post(value = "/t/{slug}/berita/{id}/tanda", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mark(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            coordination.mark(actor, slug, new PostId(id), form.get("mark"), form.get("note"));
        } catch (InvalidInputException invalid) {
            var messages = pages.messages(request);
            return streamPage(request, actor, HttpStatus.BAD_REQUEST,
                    invalid.errors().stream().map(e -> messages.get(e.messageKey(), e.args().toArray())).toList());
        }
        return HttpResponse.seeOther(URI.create("/admin/tinjauan-berita?ditandai=" + id + "#post-" + id));
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/disposisi")
    HttpResponse<String> dispositions(HttpRequest<?> request, Actor actor) {
        return dispositionsPage(request, actor, HttpStatus.OK, FormState.empty());
    }

    private HttpResponse<String> dispositionsPage(HttpRequest<?> request, Actor actor, HttpStatus status, FormState form) {
        boolean overdueOnly = request.getParameters().getFirst("terlambat").isPresent();
        Map<String, Object> params = new HashMap<>();
        params.put("dispositions", dispositions.all(actor, overdueOnly));
        params.put("overdue", dispositions.overdueCount(actor));
        params.put("overdueOnly", overdueOnly);
        params.put("agencies", coordination.agencies(actor));
        params.put("form", form);
        params.put("sent", request.getParameters().getFirst("terkirim").orElse(""));
        return pages.render(request, status, "dispositions.jte", pages.withView(request, actor, params));
    }

    @ActionRule(Action.SEND_DISPOSITION)
    @Post(value = "/disposisi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        // The list first: it checks that this person may send at all before the form is read.
        dispositions.overdueCount(actor);
        String agency = form.getOrDefault("agency", "").strip();
        try {
            if (agency.isEmpty()) {
                throw new InvalidInputException(id.serambi.core.support.FieldError.of("agency", "validation.required"));
            }
            var sent = dispositions.send(actor, agency, form.get("subject"), form.get("body"), form.get("dueOn"));
            return HttpResponse.seeOther(URI.create("/admin/disposisi?terkirim=" + sent.id()));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String field : List.of("agency", "subject", "body", "dueOn")) {
                values.put(field, form.getOrDefault(field, ""));
            }
            return dispositionsPage(request, actor, HttpStatus.BAD_REQUEST,
                    FormState.of(values, invalid.errors(), pages.messages(request)));
        }
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/t/{slug}/disposisi")
    HttpResponse<String> tenantDispositions(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        Map<String, Object> params = new HashMap<>();
        params.put("dispositions", dispositions.ofTenant(actor, slug));
        params.put("overdue", dispositions.overdueCount(actor, slug));
        params.put("tenant", tenants.get(actor, slug));
        return pages.page(request, actor, "tenant-dispositions.jte", params);
    }

    @ActionRule(Action.VIEW_DISPOSITIONS)
    @Get("/t/{slug}/disposisi/{id}")
    HttpResponse<String> disposition(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id) {
        return dispositionPage(request, actor, slug, id, HttpStatus.OK, FormState.empty());
    }

    private HttpResponse<String> dispositionPage(HttpRequest<?> request, Actor actor, String slug, long id, HttpStatus status,
                                                 FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("d", dispositions.get(actor, slug, id));
        params.put("form", form);
        params.put("mayAnswer", pages.view(request, actor).mayIn(Action.ANSWER_DISPOSITION, slug));
        return pages.render(request, status, "disposition.jte", pages.withView(request, actor, params));
    }

    /** The agency's step: acknowledge, answer (with the answer), close. */
    @ActionRule(Action.ANSWER_DISPOSITION)
    @Post(value = "/t/{slug}/disposisi/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> step(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable long id,
                         @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            dispositions.step(actor, slug, id, form.get("step"), form.get("answer"));
        } catch (InvalidInputException invalid) {
            return dispositionPage(request, actor, slug, id, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of("answer", form.getOrDefault("answer", "")), invalid.errors(), pages.messages(request)));
        }
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/disposisi/" + id));
    }
}
