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
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.MultipartException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/**
 * Maps the domain's refusals and malformed requests to answers (see {@link ErrorResponses}). Micronaut's own
 * handlers for bad JSON, bad values and missing parts are replaced: they answer in English with internals.
 */
final class ExceptionHandlers {
    private ExceptionHandlers() {
    }

    /** One exception type answered with one status; {@link #explain} says what to tell the user. */
    abstract static class Handler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {
        private final ErrorResponses responses;
        private final HttpStatus status;

        Handler(ErrorResponses responses, HttpStatus status) {
            this.responses = responses;
            this.status = status;
        }

        abstract String messageKey(E error);

        List<FieldError> explain(E error) {
            return List.of();
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E error) {
            return responses.respond(request, status, messageKey(error), explain(error));
        }
    }

    @Singleton
    @AdminApp
    static class InvalidInput extends Handler<InvalidInputException> {
        InvalidInput(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(InvalidInputException e) {
            return "problem.invalid_input";
        }

        @Override
        List<FieldError> explain(InvalidInputException e) {
            return e.errors();
        }
    }

    @Singleton
    @AdminApp
    static class NotFound extends Handler<NotFoundException> {
        NotFound(ErrorResponses responses) {
            super(responses, HttpStatus.NOT_FOUND);
        }

        @Override
        String messageKey(NotFoundException e) {
            return "not_found";
        }
    }

    @Singleton
    @AdminApp
    static class Denied extends Handler<AccessDeniedException> {
        Denied(ErrorResponses responses) {
            super(responses, HttpStatus.FORBIDDEN);
        }

        @Override
        String messageKey(AccessDeniedException e) {
            return e.messageKey();
        }
    }

    /** A body that is not JSON. */
    @Singleton
    @AdminApp
    @Replaces(JsonExceptionHandler.class)
    static class MalformedJson extends Handler<JsonSyntaxException> {
        MalformedJson(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(JsonSyntaxException e) {
            return "problem.malformed_body";
        }
    }

    /** JSON of the wrong shape (e.g. a list where an object belongs). */
    @Singleton
    @AdminApp
    static class MalformedBody extends Handler<CodecException> {
        MalformedBody(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(CodecException e) {
            return "problem.malformed_body";
        }
    }

    /** A value of the wrong type, e.g. a post id that is not a number. */
    @Singleton
    @AdminApp
    @Replaces(ConversionErrorHandler.class)
    static class Conversion extends Handler<ConversionErrorException> {
        Conversion(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(ConversionErrorException e) {
            return "problem.malformed_value";
        }

        @Override
        List<FieldError> explain(ConversionErrorException e) {
            return List.of(FieldError.of(e.getArgument().getName(), "problem.malformed_value"));
        }
    }

    /** A required part of the request is missing (e.g. no body at all). */
    @Singleton
    @AdminApp
    @Replaces(UnsatisfiedRouteHandler.class)
    static class Unsatisfied extends Handler<UnsatisfiedRouteException> {
        Unsatisfied(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(UnsatisfiedRouteException e) {
            return "problem.missing_value";
        }

        @Override
        List<FieldError> explain(UnsatisfiedRouteException e) {
            return List.of(FieldError.of(e.getArgument().getName(), "validation.required"));
        }
    }

    /**
     * A request larger than the server accepts ({@code micronaut.server.max-request-size} or the multipart
     * limit): 413 in words, for the API and the console's upload form alike, instead of Micronaut's English.
     */
    @Singleton
    @AdminApp
    @Replaces(ContentLengthExceededHandler.class)
    static class TooLarge extends Handler<ContentLengthExceededException> {
        TooLarge(ErrorResponses responses) {
            super(responses, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }

        @Override
        String messageKey(ContentLengthExceededException e) {
            return "problem.upload_too_large";
        }
    }

    /** A multipart body the server could not take apart (e.g. cut off, or a part over the size limit). */
    @Singleton
    @AdminApp
    static class BrokenMultipart extends Handler<MultipartException> {
        BrokenMultipart(ErrorResponses responses) {
            super(responses, HttpStatus.BAD_REQUEST);
        }

        @Override
        String messageKey(MultipartException e) {
            return "problem.malformed_body";
        }
    }

    /** Whatever nobody expected: logged with its cause, answered with an apology and no internals. */
    @Singleton
    @AdminApp
    static class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
        private final ErrorResponses responses;

        Unexpected(ErrorResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception error) {
            return responses.unexpected(request, error);
        }
    }
}
