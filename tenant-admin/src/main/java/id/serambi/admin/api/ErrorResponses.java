package id.serambi.admin.api;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.admin.AdminApp;
import id.serambi.admin.console.Pages;
import id.serambi.admin.security.SignedIn;
import id.serambi.core.i18n.Messages;
import id.serambi.core.support.FieldError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * One place that turns a refusal into an answer: problem+json for the API (language from Accept-Language),
 * an error page for the console (language from the reader's choice). Never a stack trace.
 */
@Singleton
@AdminApp
public class ErrorResponses {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final Pages pages;

    ErrorResponses(Pages pages) {
        this.pages = pages;
    }

    public static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/");
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String messageKey, List<FieldError> errors) {
        if (!isApi(request) && !request.getPath().startsWith("/admin")) {
            // A reader's page on a node that also serves the console (demo): no console look, no detail.
            return HttpResponse.status(status).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body(Messages.of(Messages.INDONESIAN, Pages.BUNDLE).get(messageKey));
        }
        if (isApi(request)) {
            Messages messages = apiMessages(request);
            List<Problem.FieldProblem> fields = errors.stream()
                    .map(e -> new Problem.FieldProblem(e.field(), messages.get(e.messageKey(), e.args().toArray())))
                    .toList();
            Problem problem = new Problem("about:blank", messages.get("problem.title." + status.getCode()),
                    status.getCode(), messages.get(messageKey), fields);
            return HttpResponse.status(status).contentType(PROBLEM_JSON).body(problem);
        }
        // Keep the signed-in top bar (and its sign-out) on error pages.
        return pages.error(request, SignedIn.actor(request).orElse(null), status, messageKey);
    }

    /** For what nobody expected: logged here with its cause, answered with a plain apology and no detail. */
    public HttpResponse<?> unexpected(HttpRequest<?> request, Throwable error) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), error);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", List.of());
    }

    public static Messages apiMessages(HttpRequest<?> request) {
        Locale locale = request.getLocale().orElse(Messages.INDONESIAN);
        return Messages.of(locale, Pages.BUNDLE);
    }

}
