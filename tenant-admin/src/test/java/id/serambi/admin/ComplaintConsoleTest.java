package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The complaint desk in the console: settings, an officer's intake, and seed 004's steps by officer and official. */
@MicronautTest(environments = "admin", transactional = false)
class ComplaintConsoleTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;

    @BeforeAll
    void dukcapilWithItsComplaintTeam() {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan");
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("kepala", "Admin Situs", null, Fixtures.PASSWORD),
                Role.TENANT_ADMIN, false);
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("petugas", "Petugas Pengaduan", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICER, false);
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount("pejabat", "Pejabat Pengelola", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICIAL, false);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void admin_opens_the_service_officer_records_a_walk_in_and_it_walks_through_escalation_to_delivery() {
        String admin = consoleSignIn("kepala");
        String token = csrf(admin, "/admin/t/dukcapil/pengaduan-setelan");
        Reply saved = send(withSession(admin, form("/admin/t/dukcapil/pengaduan-setelan", "_csrf=" + token
                + "&enabled=on&categories=" + enc("KTP-el\nAkta") + "&receiveMinutes=15&verifyMinutes=15&recordMinutes=15"
                + "&answerMinutes=15&escalatedAnswerDays=2&deliverMinutes=15&retentionDays=730")));
        assertThat(saved.code()).isEqualTo(303);
        Reply bad = send(withSession(admin, form("/admin/t/dukcapil/pengaduan-setelan", "_csrf=" + token
                + "&enabled=on&categories=x&receiveMinutes=0&verifyMinutes=15&recordMinutes=15"
                + "&answerMinutes=15&escalatedAnswerDays=2&deliverMinutes=15&retentionDays=730")));
        assertThat(bad.code()).isEqualTo(400);
        // The agency admin manages the service but does not read complainants' data.
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dukcapil/pengaduan"))).code()).isEqualTo(403);

        String officer = consoleSignIn("petugas");
        Reply intakePage = send(withSession(officer, HttpRequest.GET("/admin/t/dukcapil/pengaduan/baru")));
        String officerCsrf = Html.csrfToken(intakePage.body());
        String formToken = field(intakePage.body(), "formToken");
        String intake = "_csrf=" + officerCsrf + "&formToken=" + formToken + "&channel=whatsapp&name=" + enc("Ibu Sari")
                + "&phone=" + enc("081299998888") + "&category=Akta&description=" + enc("Akta kematian ayah belum bisa diambil.")
                + "&consent=on";
        Reply recorded = send(withSession(officer, form("/admin/t/dukcapil/pengaduan/baru", intake)));
        assertThat(recorded.code()).isEqualTo(200);
        String register = Html.text(recorded.body()).replaceAll("(?s).*(ADU/DUKCAPIL/\\d{4}/\\d{6}).*", "$1");
        // The same form sent twice records one complaint.
        Reply twice = send(withSession(officer, form("/admin/t/dukcapil/pengaduan/baru", intake)));
        assertThat(Html.text(twice.body())).contains(register);

        Reply list = send(withSession(officer, HttpRequest.GET("/admin/t/dukcapil/pengaduan")));
        assertThat(Html.text(list.body())).contains(register, "Ibu Sari", "WhatsApp");
        Matcher link = Pattern.compile("/admin/t/dukcapil/pengaduan/(\\d+)\">" + Pattern.quote(register)).matcher(list.body());
        assertThat(link.find()).isTrue();
        String page = "/admin/t/dukcapil/pengaduan/" + link.group(1);
        assertThat(Pattern.compile(Pattern.quote(register)).matcher(list.body()).results().count()).isEqualTo(1);

        assertThat(step(officer, page, "verify", "", "Data cocok.").code()).isEqualTo(303);
        assertThat(step(officer, page, "escalate", "", "Perlu tanda tangan kepala bidang.").code()).isEqualTo(303);
        assertThat(step(officer, page, "answer_escalated", "Saya jawab sendiri", "").code()).isEqualTo(403);

        String official = consoleSignIn("pejabat");
        assertThat(step(official, page, "answer_escalated", "", "").code()).isEqualTo(400);
        assertThat(step(official, page, "answer_escalated", "Akta dapat diambil di loket 2 mulai besok.", "Sudah ditandatangani.").code())
                .isEqualTo(303);
        assertThat(step(officer, page, "deliver", "", "Disampaikan lewat WhatsApp.").code()).isEqualTo(303);

        String detail = Html.text(send(withSession(officer, HttpRequest.GET(page))).body());
        assertThat(detail).contains("Jawaban disampaikan", "Akta dapat diambil di loket 2 mulai besok.", "Sudah ditandatangani.",
                "Diteruskan ke pejabat yang membidangi");
    }

    private Reply step(String session, String page, String step, String text, String note) {
        String token = csrf(session, page);
        return send(withSession(session, form(page + "/langkah", "_csrf=" + token + "&step=" + step + "&text=" + enc(text)
                + "&note=" + enc(note))));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }
}
