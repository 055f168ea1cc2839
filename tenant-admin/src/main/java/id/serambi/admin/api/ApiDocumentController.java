package id.serambi.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.PublicEndpoint;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** Serves the API's OpenAPI document (see {@link ApiDocument}); it describes the API, it holds no data. */
@Controller("/api/v1/openapi.yml")
@AdminApp
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ApiDocumentController {
    private final byte[] document;

    ApiDocumentController() {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(ApiDocument.RESOURCE)) {
            document = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PublicEndpoint
    @Get(produces = "application/yaml")
    HttpResponse<byte[]> document() {
        return document == null ? HttpResponse.notFound() : HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }
}
