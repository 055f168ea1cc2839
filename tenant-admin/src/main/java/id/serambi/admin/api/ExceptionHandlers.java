package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/** Maps the domain's refusals and malformed requests to answers; see {@link ErrorResponses}. */
final class ExceptionHandlers {
    private ExceptionHandlers() {
    }

    @Singleton
    @AdminApp
    static class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
        private final ErrorResponses responses;

        InvalidInput(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidInputException e) {
            return responses.respond(request, HttpStatus.BAD_REQUEST, "problem.invalid_input", e.errors());
        }
    }

    @Singleton
    @AdminApp
    static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<?>> {
        private final ErrorResponses responses;

        NotFound(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotFoundException e) {
            return responses.respond(request, HttpStatus.NOT_FOUND, "not_found", List.of());
        }
    }

    @Singleton
    @AdminApp
    static class Denied implements ExceptionHandler<AccessDeniedException, HttpResponse<?>> {
        private final ErrorResponses responses;

        Denied(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, AccessDeniedException e) {
            return responses.respond(request, HttpStatus.FORBIDDEN, e.messageKey(), List.of());
        }
    }

    /** A body that is not JSON. Replaces Micronaut's answer, which echoes parser internals in English. */
    @Singleton
    @AdminApp
    @Replaces(JsonExceptionHandler.class)
    static class MalformedJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        private final ErrorResponses responses;

        MalformedJson(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException e) {
            return responses.respond(request, HttpStatus.BAD_REQUEST, "problem.malformed_body", List.of());
        }
    }

    /** JSON of the wrong shape (e.g. a list where an object belongs). */
    @Singleton
    @AdminApp
    static class MalformedBody implements ExceptionHandler<CodecException, HttpResponse<?>> {
        private final ErrorResponses responses;

        MalformedBody(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, CodecException e) {
            return responses.respond(request, HttpStatus.BAD_REQUEST, "problem.malformed_body", List.of());
        }
    }

    /** A value of the wrong type, e.g. a post id that is not a number. */
    @Singleton
    @AdminApp
    @Replaces(ConversionErrorHandler.class)
    static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final ErrorResponses responses;

        Conversion(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            return responses.respond(request, HttpStatus.BAD_REQUEST, "problem.malformed_value",
                    List.of(FieldError.of(e.getArgument().getName(), "problem.malformed_value")));
        }
    }

    /** A required part of the request is missing (e.g. no body at all). */
    @Singleton
    @AdminApp
    @Replaces(UnsatisfiedRouteHandler.class)
    static class Unsatisfied implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        private final ErrorResponses responses;

        Unsatisfied(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
            return responses.respond(request, HttpStatus.BAD_REQUEST, "problem.missing_value",
                    List.of(FieldError.of(e.getArgument().getName(), "validation.required")));
        }
    }
}
