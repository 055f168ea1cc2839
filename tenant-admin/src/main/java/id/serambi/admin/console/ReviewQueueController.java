package id.serambi.admin.console;

import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.review.ReviewQueueService;
import id.serambi.core.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The review queue page (tinjauan): what waits in the newsroom, since when, and what is overdue. */
@Controller("/admin/t/{slug}")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReviewQueueController {
    private final Pages pages;
    private final ReviewQueueService review;
    private final TenantService tenants;

    ReviewQueueController(Pages pages, ReviewQueueService review, TenantService tenants) {
        this.pages = pages;
        this.review = review;
        this.tenants = tenants;
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/tinjauan")
    HttpResponse<String> queue(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        // The queue first: it checks the person's access before anything of the tenant is read.
        var queue = review.queue(actor, slug);
        Map<String, Object> params = new HashMap<>();
        params.put("queue", queue);
        params.put("tenant", tenants.get(actor, slug));
        return pages.render(request, HttpStatus.OK, "review-queue.jte", pages.withView(request, actor, params));
    }
}
