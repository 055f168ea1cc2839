package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The API documents itself: an OpenAPI document generated from the controllers, served by the console. */
@MicronautTest(environments = "admin", transactional = false)
class ApiDocumentTest extends AdminHttpTest {
    @Test
    void the_openapi_document_lists_the_api_and_nothing_of_the_console() {
        Reply document = send(HttpRequest.GET("/api/v1/openapi.yml"));
        assertThat(document.code()).isEqualTo(200);
        assertThat(document.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(document.body()).startsWith("openapi: 3.")
                .contains("title: Serambi API", "bearer",
                        "/api/v1/sessions:", "/api/v1/tenants/{slug}/posts/{id}/events:",
                        "/api/v1/tenants/{slug}/posts/{id}/revisions/diff:", "/api/v1/tenants/{slug}/media:",
                        "/api/v1/tenants/{slug}/designations:")
                .doesNotContain("/admin/");
    }
}
