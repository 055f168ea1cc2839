package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request body past the server's limit (e.g. a huge "logo"): 413 in the user's words, as problem+json or
 * a console page; Micronaut's own handler answers in English.
 */
@Singleton
@AdminApp
@Replaces(ContentLengthExceededHandler.class)
class UploadLimitHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final ErrorResponses responses;

    UploadLimitHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException error) {
        return responses.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.too_large", List.of());
    }
}
