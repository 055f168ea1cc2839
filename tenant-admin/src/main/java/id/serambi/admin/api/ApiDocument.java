package id.serambi.admin.api;

import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The JSON API's OpenAPI document, written at compile time from the API controllers and their Javadoc (the
 * console's HTML pages are left out) and served at {@code /api/v1/openapi.yml} by {@link ApiDocumentController}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Serambi API", version = "1",
                description = "Tenants, designations, teams, posts and their workflow, revisions and media of a "
                        + "Serambi district portal. Sign in with POST /api/v1/sessions and send the token as "
                        + "'Authorization: Bearer …'. Errors are RFC 9457 problem details in Indonesian (English "
                        + "with Accept-Language: en)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@OpenAPIExclude(packages = {"id.serambi.admin.console", "id.serambi.admin.jobs", "id.serambi.admin.security"})
final class ApiDocument {
    static final String RESOURCE = "META-INF/swagger/serambi-api-1.yml";

    private ApiDocument() {
    }
}
