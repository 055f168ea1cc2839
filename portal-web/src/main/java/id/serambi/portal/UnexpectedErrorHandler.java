package id.serambi.portal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * On a portal-only node, what nobody expected is logged and answered with the portal's apology page: never
 * a stack trace or an exception message. (Where the console runs too, its handler answers.)
 */
@Singleton
@PortalApp
@Requires(notEnv = "admin")
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private final PortalPages pages;

    UnexpectedErrorHandler(PortalPages pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception error) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), error);
        return pages.render(request, HttpStatus.INTERNAL_SERVER_ERROR, "server-error.jte", Map.of());
    }
}
