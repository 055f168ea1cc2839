package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.CredentialService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.mail.MailService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.MailServer;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Designation, activation and password reset through the console, with mail read from a real SMTP server. */
@MicronautTest(environments = "admin", transactional = false)
class CredentialsConsoleTest extends AdminHttpTest {
    static final String OWN_PASSWORD = "sepeda-merah-di-teras-rumah";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    final MailServer smtp = new MailServer().start();
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject MailService mail;
    @Inject TestClock clock;
    String kominfoSecret;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.putAll(smtp.properties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void platformAdmin() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        Actor kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
        kominfoSecret = secondFactor.enrolmentSecret(kominfo);
        secondFactor.confirmEnrolment(kominfo, Totp.code(kominfoSecret, Totp.step(clock.instant())));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void kominfo_designates_a_first_admin_by_email_who_activates_the_account_and_signs_in() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        Reply created = send(withSession(kominfo, multipart("/admin/tenants",
                tenantForm("dinkes", "Dinas Kesehatan", "siti.dinkes", "siti@dinkes.contohkab.go.id", "email", csrf(kominfo, "/admin")), PDF)));
        assertThat(created.code()).isEqualTo(303);
        assertThat(mail.sendDue()).isPositive();
        var message = smtp.messagesTo("siti@dinkes.contohkab.go.id").get(0);
        assertThat(MailServer.subject(message)).isEqualTo("Aktivasi akun Serambi Anda untuk Dinas Kesehatan");
        String token = MailServer.tokenIn(message, "https://konsol.contohkab.go.id/admin/aktivasi/");

        Reply page = send(HttpRequest.GET("/admin/aktivasi/" + token));
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Aktivasi akun", "siti.dinkes");
        Reply withoutCookie = send(form("/admin/aktivasi/" + token, "_csrf=" + Html.csrfToken(page.body())
                + "&password=" + OWN_PASSWORD + "&confirmation=" + OWN_PASSWORD));
        assertThat(withoutCookie.code()).as("the form token is tied to the browser").isEqualTo(403);
        Reply weak = send(form("/admin/aktivasi/" + token, "_csrf=" + Html.csrfToken(page.body())
                + "&password=pendek&confirmation=pendek").cookie(Cookie.of("serambi_form", formCookie(page))));
        assertThat(weak.code()).isEqualTo(400);
        assertThat(Html.text(weak.body())).contains("minimal 12 karakter");

        Reply activated = choosePassword("/admin/aktivasi/" + token, OWN_PASSWORD);
        assertThat(activated.code()).isEqualTo(303);
        assertThat(activated.header("Location")).isEqualTo("/admin/login?aktif=1");
        assertThat(Html.text(send(HttpRequest.GET("/admin/login?aktif=1")).body())).contains("Akun Anda aktif");
        assertThat(send(HttpRequest.GET("/admin/aktivasi/" + token)).code()).as("used once").isEqualTo(410);

        String siti = login("siti.dinkes", OWN_PASSWORD);
        assertThat(send(withSession(siti, HttpRequest.GET("/admin"))).header("Location")).isEqualTo("/admin/t/dinkes");
        String history = Html.text(send(withSession(siti, HttpRequest.GET("/admin/t/dinkes/pengelola"))).body());
        assertThat(history).contains("Pengelola situs", "800/1/DINKES/2026", "Kepala Dinas Kesehatan", "aktif", "Unduh surat");
    }

    @Test
    void a_printed_handover_sheet_carries_the_link_and_no_password_and_reissue_replaces_it() throws Exception {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        var sheet = http.toBlocking().exchange(withSession(kominfo, multipart("/admin/tenants",
                tenantForm("kecbaru", "Kecamatan Baru", "camat.baru", "", "print", csrf(kominfo, "/admin")), null)), byte[].class);
        assertThat(sheet.code()).isEqualTo(200);
        assertThat(sheet.getHeaders().get("Content-Type")).startsWith("application/pdf");
        assertThat(sheet.getHeaders().get("Content-Disposition")).contains("attachment", "serah-terima-camat.baru.pdf");
        byte[] pdf = sheet.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("Lembar Serah Terima Akun Serambi", "camat.baru", "Kecamatan Baru");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://konsol\\.contohkab\\.go\\.id/admin/aktivasi/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).isTrue();
        String first = link.group(1);
        assertThat(send(HttpRequest.GET("/admin/aktivasi/" + first)).code()).isEqualTo(200);

        String page = send(withSession(kominfo, HttpRequest.GET("/admin/t/kecbaru/pengelola"))).body();
        java.util.regex.Matcher reissue = java.util.regex.Pattern.compile("action=\"(/admin/t/kecbaru/pengelola/\\d+/ulang)\"").matcher(page);
        assertThat(reissue.find()).isTrue();
        Reply again = send(withSession(kominfo, form(reissue.group(1), "_csrf=" + Html.csrfToken(page) + "&delivery=print")));
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(send(HttpRequest.GET("/admin/aktivasi/" + first)).code()).as("the old link no longer works").isEqualTo(410);
    }

    @Test
    void an_agency_admin_designates_a_writer_and_revoking_ends_the_writers_session() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        send(withSession(kominfo, multipart("/admin/tenants",
                tenantForm("dlh", "Dinas Lingkungan Hidup", "admin.dlh", "admin@dlh.contohkab.go.id", "email", csrf(kominfo, "/admin")), null)));
        choosePassword("/admin/aktivasi/" + mailedToken("admin@dlh.contohkab.go.id", "/admin/aktivasi/"), OWN_PASSWORD);
        String admin = login("admin.dlh", OWN_PASSWORD);

        String page = send(withSession(admin, HttpRequest.GET("/admin/t/dlh/pengelola"))).body();
        Map<String, String> notPdf = designationForm("andi.dlh", "andi@dlh.contohkab.go.id", "writer", Html.csrfToken(page));
        Reply refused = send(withSession(admin, multipart("/admin/t/dlh/pengelola", notPdf, "GIF89a bukan pdf".getBytes(StandardCharsets.US_ASCII))));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(Html.text(refused.body())).contains("Berkas surat harus PDF");

        Reply designated = send(withSession(admin, multipart("/admin/t/dlh/pengelola", notPdf, PDF)));
        assertThat(designated.code()).isEqualTo(303);
        choosePassword("/admin/aktivasi/" + mailedToken("andi@dlh.contohkab.go.id", "/admin/aktivasi/"), OWN_PASSWORD);
        String writer = login("andi.dlh", OWN_PASSWORD);
        assertThat(send(withSession(writer, HttpRequest.GET("/admin/t/dlh"))).code()).isEqualTo(200);
        assertThat(send(withSession(writer, HttpRequest.GET("/admin/t/dlh/pengelola"))).code()).as("a writer sees no designations").isEqualTo(403);

        page = send(withSession(admin, HttpRequest.GET("/admin/t/dlh/pengelola"))).body();
        assertThat(Html.text(page)).contains("andi.dlh", "Penulis");
        java.util.regex.Matcher revoke = java.util.regex.Pattern.compile("action=\"(/admin/t/dlh/pengelola/(\\d+)/cabut)\"").matcher(page);
        String revokePath = null;
        while (revoke.find()) {
            revokePath = revoke.group(1); // the older (admin's) designation is listed last; the writer's first
            break;
        }
        Reply revoked = send(withSession(admin, form(revokePath, "_csrf=" + Html.csrfToken(page) + "&reason=Mutasi+ke+kecamatan")));
        assertThat(revoked.code()).isEqualTo(303);
        assertThat(send(withSession(writer, HttpRequest.GET("/admin/t/dlh"))).code()).as("session ended at once").isEqualTo(401);
        assertThat(Html.text(send(withSession(admin, HttpRequest.GET("/admin/t/dlh/pengelola"))).body()))
                .contains("dicabut", "Mutasi ke kecamatan");
        Reply again = send(form("/admin/login", "username=andi.dlh&password=" + OWN_PASSWORD));
        assertThat(send(withSession(again.sessionCookie().map(Cookie::getValue).orElseThrow(), HttpRequest.GET("/admin/t/dlh")).accept("text/html"))
                .code()).as("no role left in the agency").isIn(403, 404);
    }

    @Test
    void a_forgotten_password_gets_the_same_answer_for_anyone_and_a_reset_ends_every_session() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        send(withSession(kominfo, multipart("/admin/tenants",
                tenantForm("bappeda", "Bappeda", "rina.bappeda", "rina@bappeda.contohkab.go.id", "email", csrf(kominfo, "/admin")), null)));
        choosePassword("/admin/aktivasi/" + mailedToken("rina@bappeda.contohkab.go.id", "/admin/aktivasi/"), OWN_PASSWORD);
        String rina = login("rina.bappeda", OWN_PASSWORD);

        assertThat(send(HttpRequest.GET("/admin/login")).body()).contains("href=\"/admin/lupa-sandi\"", "Lupa kata sandi?");
        Reply known = askReset("rina@bappeda.contohkab.go.id");
        Reply unknown = askReset("tidak.ada@contohkab.go.id");
        assertThat(known.code()).isEqualTo(303);
        assertThat(unknown.code()).isEqualTo(known.code());
        assertThat(unknown.header("Location")).isEqualTo(known.header("Location"));
        assertThat(Html.text(send(HttpRequest.GET(known.header("Location"))).body())).contains("Bila akun tersebut ada");

        mail.sendDue();
        var received = smtp.messagesTo("rina@bappeda.contohkab.go.id");
        String token = MailServer.tokenIn(received.get(received.size() - 1), CredentialService.RESET_PATH);
        String newPassword = "perahu-kertas-di-selokan";
        Reply reset = choosePassword(CredentialService.RESET_PATH + token, newPassword);
        assertThat(reset.code()).isEqualTo(303);
        assertThat(send(withSession(rina, HttpRequest.GET("/admin"))).code()).as("every session ended").isEqualTo(401);
        assertThat(send(form("/admin/login", "username=rina.bappeda&password=" + newPassword)).code()).isEqualTo(303);
        assertThat(send(HttpRequest.GET(CredentialService.RESET_PATH + token)).code()).isEqualTo(410);
    }

    @Test
    void kominfo_checks_a_csv_then_imports_it_all_or_nothing() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        String csrf = csrf(kominfo, "/admin/impor");
        String header = "\uFEFFnama_perangkat_daerah;slug;jenis;nama_admin;email_admin;nomor_surat;tanggal_surat\r\n";
        String bad = header + "Desa Sukamaju;desa-sukamaju;desa;Kades;kades@sukamaju.desa.id;140/1/2026;2026-04-01\r\n"
                + "Desa Salah;desa-salah;negara;Kades;bukan-email;;besok\r\n";
        Reply checked = send(withSession(kominfo, csvUpload(bad, "check", csrf)));
        assertThat(checked.code()).isEqualTo(400);
        assertThat(Html.text(checked.body())).contains("Baris 3, kolom jenis", "Baris 3, kolom email_admin",
                "Baris 3, kolom tanggal_surat", "Tanggal tidak valid", "siap");
        assertThat(send(withSession(kominfo, csvUpload(bad, "run", csrf))).code()).isEqualTo(400);
        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin/t/desa-sukamaju"))).code()).as("nothing created").isEqualTo(404);

        String good = header + "Desa Sukamaju;desa-sukamaju;desa;Kades;kades@sukamaju.desa.id;140/1/2026;2026-04-01\r\n"
                + "Desa Mekarsari;desa-mekarsari;desa;Kades Mekarsari;kades@mekarsari.desa.id;140/2/2026;01/04/2026\r\n";
        assertThat(send(withSession(kominfo, csvUpload(good, "check", csrf))).body()).contains("Semua 2 baris siap diimpor.");
        Reply run = send(withSession(kominfo, csvUpload(good, "run", csrf)));
        assertThat(run.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET(run.header("Location")))).body())).contains("2 situs telah dibuat", "Desa Mekarsari");
        assertThat(mailedToken("kades@mekarsari.desa.id", "/admin/aktivasi/")).isNotBlank();
    }

    private MutableHttpRequest<?> csvUpload(String csv, String action, String csrf) {
        var body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("_csrf", csrf).addPart("action", action)
                .addPart("file", "situs.csv", io.micronaut.http.MediaType.of("text/csv"), csv.getBytes(StandardCharsets.UTF_8));
        return HttpRequest.POST("/admin/impor", body.build()).contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private Reply askReset(String account) {
        Reply page = send(HttpRequest.GET("/admin/lupa-sandi"));
        return send(form("/admin/lupa-sandi", "_csrf=" + Html.csrfToken(page.body()) + "&account=" + account)
                .cookie(Cookie.of("serambi_form", formCookie(page))));
    }

    private String login(String username, String password) {
        Reply response = send(form("/admin/login", "username=" + username + "&password=" + password));
        assertThat(response.code()).as("login of " + username).isEqualTo(303);
        String session = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        if ("/admin/2fa".equals(response.header("Location"))) {
            clock.advance(java.time.Duration.ofSeconds(30));
            String code = Totp.code(kominfoSecret, Totp.step(clock.instant()));
            assertThat(send(withSession(session, form("/admin/2fa", "_csrf=" + csrf(session, "/admin/2fa") + "&code=" + code))).code())
                    .isEqualTo(303);
        }
        return session;
    }

    private static Map<String, String> tenantForm(String slug, String name, String username, String email, String delivery, String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", name);
        form.put("slug", slug);
        form.put("kind", "dinas");
        form.put("displayName", "Admin " + name);
        form.put("username", username);
        form.put("email", email);
        form.put("letterNumber", "800/1/" + slug.toUpperCase(java.util.Locale.ROOT) + "/2026");
        form.put("letterDate", "05/01/2026");
        form.put("signerName", "dr. Hadi Susanto");
        form.put("signerTitle", "Kepala " + name);
        form.put("delivery", delivery);
        return form;
    }

    private static Map<String, String> designationForm(String username, String email, String role, String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("displayName", "Andi Penulis");
        form.put("username", username);
        form.put("email", email);
        form.put("role", role);
        form.put("letterNumber", "800/22/DLH/2026");
        form.put("letterDate", "2026-02-01");
        form.put("signerName", "Ir. Bambang");
        form.put("signerTitle", "Kepala Dinas Lingkungan Hidup");
        form.put("delivery", "email");
        return form;
    }
}
