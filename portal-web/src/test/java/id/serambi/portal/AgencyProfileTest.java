package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import id.serambi.core.tenant.TenantEdit;
import id.serambi.core.tenant.TenantProvisioningService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** What Kominfo sets in a tenant's profile reaches readers: a new host name, the logo and the contact. */
@MicronautTest(environments = "portal", transactional = false)
class AgencyProfileTest extends DatabaseTest {
    /** A 1×1 transparent PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject TenantProvisioningService provisioning;

    @Test
    void a_host_name_added_in_the_console_serves_that_agency_at_once() {
        Fixtures.tenantWithAdmin(tenants, "disdik", "Dinas Pendidikan");
        Fixtures.tenantWithAdmin(tenants, "dispar", "Dinas Pariwisata");
        // The district home lists every agency in its directory; an agency's site has the agency's own header.
        assertThat(exchange(HttpRequest.GET("/").header("Host", "disdik.contohkab.go.id")).body())
                .as("before: the district home").doesNotContain("id=\"agency-name\"");

        provisioning.addHost(Fixtures.SYSTEM, "disdik", "Disdik.ContohKab.go.id.");
        HttpResponse<String> site = exchange(HttpRequest.GET("/").header("Host", "disdik.contohkab.go.id:8080"));
        assertThat(site.code()).isEqualTo(200);
        assertThat(Html.text(site.body())).contains("Dinas Pendidikan").doesNotContain("Dinas Pariwisata");
        // The path site still works, and on another agency's host the path decides nothing: the host does.
        assertThat(Html.text(exchange(HttpRequest.GET("/dispar")).body())).contains("Dinas Pariwisata");

        provisioning.removeHost(Fixtures.SYSTEM, "disdik", "disdik.contohkab.go.id");
        assertThat(exchange(HttpRequest.GET("/").header("Host", "disdik.contohkab.go.id")).body())
                .doesNotContain("id=\"agency-name\"");
    }

    @Test
    void the_agency_site_shows_its_logo_and_contact() {
        Fixtures.tenantWithAdmin(tenants, "dpmptsp", "DPMPTSP");
        assertThat(exchange(HttpRequest.GET("/dpmptsp")).body()).doesNotContain("id=\"agency-logo\"", "id=\"agency-contact\"");
        assertThat(exchange(HttpRequest.GET("/dpmptsp/logo")).code()).isEqualTo(404);

        provisioning.uploadLogo(Fixtures.SYSTEM, "dpmptsp", PNG);
        provisioning.edit(Fixtures.SYSTEM, "dpmptsp", new TenantEdit("Dinas Penanaman Modal dan PTSP", "dinas", null,
                "Jl. Merdeka No. 1, Contohkab", "(0266) 123-456", "dpmptsp@contohkab.go.id",
                "Senin–Jumat 08.00–15.00", "2", "post", true));

        String page = exchange(HttpRequest.GET("/dpmptsp")).body();
        assertThat(page).contains("<img src=\"/dpmptsp/logo\"", "href=\"tel:0266123456\"");
        assertThat(Html.text(page)).contains("Dinas Penanaman Modal dan PTSP", "Jl. Merdeka No. 1, Contohkab",
                "dpmptsp@contohkab.go.id", "Senin–Jumat 08.00–15.00");
        HttpResponse<String> logo = exchange(HttpRequest.GET("/dpmptsp/logo"));
        assertThat(logo.code()).isEqualTo(200);
        assertThat(logo.getContentType().map(Object::toString)).hasValue("image/png");
        assertThat(logo.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void an_archived_agency_site_stays_readable_and_a_suspended_one_shows_maintenance() {
        Fixtures.tenantWithAdmin(tenants, "disperindag", "Dinas Perindustrian");
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        tenants.changeStatus(Fixtures.SYSTEM, "disperindag", "archived", "Digabung ke dinas lain");
        tenants.changeStatus(Fixtures.SYSTEM, "dishub", "suspended", "Situs disusupi");
        HttpResponse<String> archived = exchange(HttpRequest.GET("/disperindag"));
        assertThat(archived.code()).isEqualTo(200);
        assertThat(Html.text(archived.body())).contains("Dinas Perindustrian");
        assertThat(exchange(HttpRequest.GET("/dishub")).code()).isEqualTo(503);
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
