package id.serambi.portal;

import static id.serambi.portal.ComplaintPortalTest.formPage;
import static id.serambi.portal.ComplaintPortalTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.complaint.ComplaintAttachments;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.i18n.Messages;
import id.serambi.core.media.UploadSafety;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.SampleFiles;
import id.serambi.portal.ComplaintPortalTest.FormPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The citizen's form as a browser sends it (multipart), with evidence files: images and PDF are kept for the
 * agency's complaint team, crafted or oversized files are refused in Indonesian with everything typed kept, and
 * every field that is too long gets its message instead of a 500.
 */
@MicronautTest(environments = "portal", transactional = false)
class ComplaintAttachmentPortalTest extends DatabaseTest {
    static final Messages ID = Messages.of(Messages.INDONESIAN, "i18n.portal");

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject ComplaintService complaints;

    Actor officer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.complaints.filings-per-hour", "1000", "serambi.complaints.lookups-per-ten-minutes", "1000");
    }

    @BeforeAll
    void agenciesThatTakeComplaints() {
        Tenant dukcapil = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        Fixtures.tenantWithAdmin(tenants, "polos", "Dinas Tanpa Kategori");
        complaints.saveSettings(Fixtures.signIn(accounts, sessions, "admin-dukcapil"), "dukcapil",
                new ComplaintSettings(true, List.of("KTP-el", "Akta"), ComplaintStandards.SEED_004, 730));
        complaints.saveSettings(Fixtures.signIn(accounts, sessions, "admin-polos"), "polos",
                new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
        accounts.createMember(Fixtures.SYSTEM, dukcapil.id(), new NewAccount("petugas", "Petugas", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICER, false);
        officer = Fixtures.signIn(accounts, sessions, "petugas");
    }

    record Upload(String part, String name, MediaType type, byte[] bytes) {
    }

    Map<String, String> values(FormPage form, String agency) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", form.csrf());
        values.put("token", form.token());
        values.put("agency", agency);
        values.put("name", "Rahmat Hidayat");
        values.put("phone", "081234567890");
        values.put("email", "rahmat@example.id");
        values.put("category", agency.equals("dukcapil") ? "Akta" : "");
        values.put("description", "Jalan menuju kantor kelurahan berlubang sejak sebulan.");
        values.put("consent", "on");
        values.put(ComplaintController.HONEYPOT, "");
        return values;
    }

    HttpResponse<String> send(FormPage form, Map<String, String> values, Upload... files) {
        MultipartBody.Builder body = MultipartBody.builder();
        values.forEach(body::addPart);
        for (Upload f : files) {
            body.addPart(f.part(), f.name(), f.type(), f.bytes());
        }
        return exchange(HttpRequest.POST("/pengaduan", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("serambi_form", form.cookie())));
    }

    int stored() {
        return DirectSql.query(database, db -> db.fetchCount(db.select().from("complaint")));
    }

    long idOf(String register) {
        return DirectSql.query(database, db -> db.fetchOne("select id from complaint where register_number = ?", register)
                .get(0, Long.class));
    }

    @Test
    void the_form_asks_for_no_national_id_number_only_these_fields() {
        FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        List<String> names = Pattern.compile("name=\"([^\"]+)\"").matcher(form.body()).results().map(m -> m.group(1))
                .filter(n -> !n.equals("viewport") && !n.equals("q")).distinct().toList();
        assertThat(names).containsExactlyInAnyOrder("_csrf", "token", "agency", "single", "name", "phone", "email", "category",
                "description", "attachment1", "attachment2", "attachment3", ComplaintController.HONEYPOT, "consent");
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void a_photo_and_a_pdf_filed_on_the_agency_site_reach_the_officer_and_not_the_tracking_page() {
        FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
        Map<String, String> values = values(form, "dukcapil");
        values.put("single", "1");
        HttpResponse<String> receipt = send(form, values,
                new Upload("attachment1", "jalan berlubang.png", MediaType.IMAGE_PNG_TYPE, SampleFiles.png()),
                new Upload("attachment2", "surat-rt.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.PDF));
        assertThat(receipt.getStatus().getCode()).as(Html.text(receipt.body())).isEqualTo(200);
        String register = text(receipt.body(), "register-number");
        String code = text(receipt.body(), "tracking-code");
        long id = idOf(register);

        var attachments = complaints.get(officer, "dukcapil", id).attachments();
        assertThat(attachments).extracting(ComplaintAttachments.Attachment::fileName).containsExactly("jalan berlubang.jpg", "surat-rt.pdf");
        assertThat(complaints.attachment(officer, "dukcapil", id, attachments.get(1).id()).bytes()).isEqualTo(SampleFiles.PDF);

        HttpResponse<String> tracked = exchange(HttpRequest.POST("/pengaduan/lacak",
                ComplaintPortalTest.encode(Map.of("register", register, "code", code))).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(tracked.getStatus().getCode()).isEqualTo(200);
        assertThat(tracked.body()).doesNotContain("surat-rt.pdf").doesNotContain("jalan berlubang").doesNotContain("lampiran/");
    }

    @Test
    void the_district_portal_form_takes_attachments_too() {
        FormPage form = formPage(exchange(HttpRequest.GET("/pengaduan")));
        HttpResponse<String> receipt = send(form, values(form, "polos"),
                new Upload("attachment1", "bukti.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.PDF));
        assertThat(receipt.getStatus().getCode()).isEqualTo(200);
        long id = idOf(text(receipt.body(), "register-number"));
        int kept = DirectSql.query(database, db -> db.fetchCount(db.select().from("complaint_attachment")
                .where("complaint_id = ? and event_id is null and content_type = 'application/pdf'", id)));
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void crafted_and_oversized_files_are_refused_in_indonesian_and_what_was_typed_stays() {
        List<Upload> refused = List.of(
                new Upload("attachment1", "bukti.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.HTML),
                new Upload("attachment1", "denah.svg", MediaType.of("image/svg+xml"), SampleFiles.SVG),
                new Upload("attachment1", "bukti.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.EXE),
                new Upload("attachment1", "setup.exe", MediaType.APPLICATION_OCTET_STREAM_TYPE, SampleFiles.EXE),
                new Upload("attachment1", "pindaian.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.oversized()));
        for (Upload file : refused) {
            FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
            Map<String, String> values = values(form, "dukcapil");
            values.put("single", "1");
            int before = stored();
            HttpResponse<String> answer = send(form, values, file);
            assertThat(answer.getStatus().getCode()).as(file.name()).isEqualTo(400);
            String page = Html.text(answer.body());
            assertThat(page).as(file.name()).contains(expectedRefusal(file), ID.get("complaint.attachments_again"));
            // Everything typed comes back in the form.
            assertThat(answer.body()).contains("value=\"Rahmat Hidayat\"", "value=\"081234567890\"", "value=\"rahmat@example.id\"",
                    ">Jalan menuju kantor kelurahan berlubang sejak sebulan.</textarea>");
            assertThat(stored()).isEqualTo(before);
        }
        assertThat(expectedRefusal(refused.get(4))).contains("terlalu besar", "5 MB");
    }

    /** The Indonesian message the upload safety gives for this file (and it is one: never empty, never a key). */
    private static String expectedRefusal(Upload file) {
        try {
            UploadSafety.inspectAttachment(file.name(), file.bytes());
        } catch (InvalidInputException refused) {
            var e = refused.errors().get(0);
            String message = ID.get(e.messageKey(), e.args().toArray());
            assertThat(message).isNotBlank().doesNotContain(e.messageKey());
            return message;
        }
        throw new AssertionError(file.name() + " was not refused");
    }

    @Test
    void every_field_too_long_comes_back_with_its_message_not_a_500() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("name", new String[] {"N".repeat(201), ID.get("validation.too_long", 200)});
        cases.put("phone", new String[] {"0".repeat(21), ID.get("complaint.error.phone_long", 20)});
        cases.put("email", new String[] {"a".repeat(250) + "@x.id", ID.get("complaint.error.email_long", 254)});
        cases.put("category", new String[] {"K".repeat(101), ID.get("complaint.error.category")});
        cases.put("description", new String[] {"u".repeat(5001), ID.get("complaint.error.description_long", 5000)});
        for (var c : cases.entrySet()) {
            FormPage form = formPage(exchange(HttpRequest.GET("/dukcapil/pengaduan")));
            Map<String, String> values = values(form, "dukcapil");
            values.put("single", "1");
            values.put(c.getKey(), c.getValue()[0]);
            int before = stored();
            HttpResponse<String> answer = send(form, values);
            assertThat(answer.getStatus().getCode()).as(c.getKey()).isEqualTo(400);
            assertThat(Html.text(answer.body())).as(c.getKey()).contains(c.getValue()[1]);
            if (!c.getKey().equals("category")) {
                assertThat(answer.body()).as(c.getKey()).contains(c.getValue()[0]);
            }
            assertThat(stored()).isEqualTo(before);
        }
        // An agency without categories: a 101-character category (only a script sends one) is refused in words.
        FormPage form = formPage(exchange(HttpRequest.GET("/polos/pengaduan")));
        Map<String, String> values = values(form, "polos");
        values.put("single", "1");
        values.put("category", "K".repeat(101));
        HttpResponse<String> answer = send(form, values);
        assertThat(answer.getStatus().getCode()).isEqualTo(400);
        assertThat(Html.text(answer.body())).contains(ID.get("complaint.error.category_long", 100));
    }

    HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
