package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** One address that files or guesses too often is told, in Indonesian, to wait (429), counted in the database. */
@MicronautTest(environments = "portal", transactional = false)
class ComplaintRateLimitTest extends DatabaseTest {
    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject ComplaintService complaints;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.complaints.filings-per-hour", "3", "serambi.complaints.lookups-per-ten-minutes", "4");
    }

    @BeforeAll
    void dukcapilTakesComplaints() {
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan");
        complaints.saveSettings(Fixtures.signIn(accounts, sessions, "admin-dukcapil"), "dukcapil",
                new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
    }

    @Test
    void the_fourth_filing_in_an_hour_and_the_fifth_lookup_in_ten_minutes_are_refused() {
        for (int i = 0; i < 3; i++) {
            var form = ComplaintPortalTest.formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
            var values = new java.util.LinkedHashMap<>(Map.of("_csrf", form.csrf(), "token", form.token(), "agency", "dukcapil",
                    "name", "Warga " + i, "phone", "08123456789" + i, "description", "Antrean perekaman terlalu panjang.",
                    "consent", "on"));
            HttpResponse<String> ok = post(form, values);
            assertThat(ok.getStatus().getCode()).isEqualTo(200);
        }
        var form = ComplaintPortalTest.formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        HttpResponse<String> refused = post(form, Map.of("_csrf", form.csrf(), "token", form.token(), "agency", "dukcapil",
                "name", "Warga", "phone", "081234567899", "description", "Antrean perekaman terlalu panjang.", "consent", "on"));
        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(Html.text(refused.body())).contains("Terlalu banyak permintaan", "coba lagi");

        for (int i = 0; i < 4; i++) {
            assertThat(track().getStatus().getCode()).isEqualTo(404);
        }
        assertThat(track().getStatus().getCode()).isEqualTo(429);
    }

    private HttpResponse<String> track() {
        return exchange(HttpRequest.POST("/pengaduan/lacak", "register=ADU%2FX%2F2026%2F000001&code=AAAABBBBCCCC")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));
    }

    private HttpResponse<String> post(ComplaintPortalTest.FormPage form, Map<String, String> values) {
        return exchange(HttpRequest.POST("/pengaduan", ComplaintPortalTest.encode(values)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(io.micronaut.http.cookie.Cookie.of("serambi_form", form.cookie())));
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
