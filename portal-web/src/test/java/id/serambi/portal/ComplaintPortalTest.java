package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
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

/** A citizen files and tracks a complaint over HTTP; double submits, bots and wrong codes get nothing extra. */
@MicronautTest(environments = "portal", transactional = false)
class ComplaintPortalTest extends DatabaseTest {
    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject ComplaintService complaints;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.complaints.filings-per-hour", "1000", "serambi.complaints.lookups-per-ten-minutes", "1000");
    }

    @BeforeAll
    void dukcapilTakesComplaints() {
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        complaints.saveSettings(admin, "dukcapil", new ComplaintSettings(true, List.of("KTP-el", "Akta"),
                ComplaintStandards.SEED_004, 730));
    }

    /** A browser's view of a form page: its cookie and hidden fields. */
    record FormPage(String cookie, String csrf, String token, String body) {
    }

    static FormPage formPage(HttpResponse<String> page) {
        String cookie = page.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("serambi_form="))
                .map(c -> c.substring("serambi_form=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow();
        return new FormPage(cookie, hidden(page.body(), "_csrf"), hidden(page.body(), "token"), page.body());
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return m.group(1);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Map<String, String> complaint(FormPage form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", form.csrf());
        values.put("token", form.token());
        values.put("agency", "dukcapil");
        values.put("name", "Rahmat Hidayat");
        values.put("phone", "081234567890");
        values.put("email", "rahmat@example.id");
        values.put("category", "Akta");
        values.put("description", "Akta kelahiran anak saya belum terbit setelah satu bulan.");
        values.put("consent", "on");
        values.put(ComplaintController.HONEYPOT, "");
        return values;
    }

    HttpResponse<String> post(String path, FormPage form, Map<String, String> values) {
        return exchange(HttpRequest.POST(path, encode(values)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(io.micronaut.http.cookie.Cookie.of("serambi_form", form.cookie())));
    }

    int stored() {
        return DirectSql.query(database, db -> db.fetchCount(db.select().from("complaint")));
    }

    @Test
    void a_citizen_files_on_the_agency_site_gets_a_receipt_and_a_double_submit_files_once() {
        FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        assertThat(Html.text(form.body())).contains("Pengaduan Layanan", "Dinas Kependudukan dan Pencatatan Sipil", "UU No. 27 Tahun 2022");
        // No field for a national ID number: the form's fields are exactly these (checked in
        // ComplaintAttachmentPortalTest), and no label asks for one.
        assertThat(Pattern.compile("name=\"([^\"]+)\"").matcher(form.body()).results().map(m -> m.group(1))
                .filter(n -> n.toLowerCase().contains("nik") || n.toLowerCase().contains("ktp"))).isEmpty();
        assertThat(form.body()).contains("name=\"" + ComplaintController.HONEYPOT + "\"");
        int before = stored();
        HttpResponse<String> receipt = post("/pengaduan", form, complaint(form));
        assertThat(receipt.getStatus().getCode()).isEqualTo(200);
        String register = text(receipt.body(), "register-number");
        String code = text(receipt.body(), "tracking-code");
        assertThat(register).matches("ADU/DUKCAPIL/\\d{4}/\\d{6}");
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(receipt.getHeaders().get("Cache-Control")).isEqualTo("no-store");

        HttpResponse<String> again = post("/pengaduan", form, complaint(form));
        assertThat(text(again.body(), "register-number")).isEqualTo(register);
        assertThat(text(again.body(), "tracking-code")).isEqualTo(code);
        assertThat(stored()).isEqualTo(before + 1);
        // One receipt mail in the outbox for the console nodes to send.
        int mails = DirectSql.query(database, db -> db.fetchCount(db.select().from("mail_outbox")
                .where("purpose = 'complaint_receipt' and recipient = 'rahmat@example.id'")));
        assertThat(mails).isEqualTo(1);

        HttpResponse<String> tracked = exchange(HttpRequest.POST("/pengaduan/lacak",
                encode(Map.of("register", register, "code", code))).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(tracked.getStatus().getCode()).isEqualTo(200);
        assertThat(Html.text(tracked.body())).contains("Diterima", "Pengaduan diterima dan dicatat");
    }

    @Test
    void an_agency_without_an_online_complaint_service_says_so_instead_of_page_not_found() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/dinkes/pengaduan"), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Layanan pengaduan belum dibuka", "hubungi kantornya secara langsung")
                .doesNotContain("Halaman tidak ditemukan");
        assertThat(page.body()).doesNotContain("id=\"complaint-form\"");
    }

    @Test
    void a_wrong_code_and_a_wrong_number_get_the_same_not_found() {
        FormPage form = formPage(exchange(HttpRequest.GET("/pengaduan")));
        HttpResponse<String> receipt = post("/pengaduan", form, complaint(form));
        String register = text(receipt.body(), "register-number");
        HttpResponse<String> wrongCode = exchange(HttpRequest.POST("/pengaduan/lacak",
                encode(Map.of("register", register, "code", "ABCD-EFGH-JKMN"))).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        HttpResponse<String> wrongNumber = exchange(HttpRequest.POST("/pengaduan/lacak",
                encode(Map.of("register", "ADU/DUKCAPIL/2000/999999", "code", "ABCD-EFGH-JKMN"))).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(wrongCode.getStatus().getCode()).isEqualTo(404);
        assertThat(wrongNumber.getStatus().getCode()).isEqualTo(404);
        assertThat(Html.text(wrongCode.body()).replace(register, "ADU/DUKCAPIL/2000/999999"))
                .isEqualTo(Html.text(wrongNumber.body()));
    }

    @Test
    void a_bot_that_fills_the_honeypot_is_thanked_and_nothing_is_stored() {
        FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        Map<String, String> values = complaint(form);
        values.put(ComplaintController.HONEYPOT, "http://judi-online.example");
        int before = stored();
        HttpResponse<String> answer = post("/pengaduan", form, values);
        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(Html.text(answer.body())).contains("Pengaduan terkirim");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void bad_input_comes_back_with_messages_and_without_the_form_cookie_nothing_is_filed() {
        FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        Map<String, String> values = complaint(form);
        values.put("phone", "");
        values.put("email", "");
        values.remove("consent");
        int before = stored();
        HttpResponse<String> answer = post("/pengaduan", form, values);
        assertThat(answer.getStatus().getCode()).isEqualTo(400);
        assertThat(Html.text(answer.body())).contains("minimal salah satu", "Persetujuan pemrosesan data pribadi wajib dicentang");
        HttpResponse<String> forged = exchange(HttpRequest.POST("/pengaduan", encode(complaint(form)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(forged.getStatus().getCode()).isEqualTo(403);
        assertThat(stored()).isEqualTo(before);
        // An agency that does not take complaints has no form (its notice is tested on its own).
        assertThat(exchange(HttpRequest.GET("/dinkes/pengaduan")).body()).doesNotContain("id=\"complaint-form\"");
    }

    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"><strong>([^<]*)</strong>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no #" + id + " in " + html);
        }
        return m.group(1);
    }

    HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
