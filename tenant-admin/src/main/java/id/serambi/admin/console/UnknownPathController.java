package id.serambi.admin.console;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.api.ErrorResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.PublicEndpoint;

/**
 * Addresses under /admin and /api that no page or endpoint has: the console's own 404 page or a problem+json,
 * not the reader portal's page (on a node that serves both). Every real route is more specific and wins.
 */
@Controller
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
class UnknownPathController {
    private final ErrorResponses errors;

    UnknownPathController(ErrorResponses errors) {
        this.errors = errors;
    }

    @PublicEndpoint
    @Get("/admin/{+path}")
    HttpResponse<?> console(HttpRequest<?> request, String path) {
        return errors.respond(request, HttpStatus.NOT_FOUND, "not_found", List.of());
    }

    @PublicEndpoint
    @Get("/api/{+path}")
    HttpResponse<?> api(HttpRequest<?> request, String path) {
        return errors.respond(request, HttpStatus.NOT_FOUND, "not_found", List.of());
    }
}
