package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.complaint.ComplaintStep;
import id.serambi.core.complaint.Filed;
import id.serambi.core.complaint.NewComplaint;
import id.serambi.core.i18n.Messages;
import id.serambi.core.media.UploadSafety;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.SampleFiles;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The complaint desk over HTTP beyond the flow itself: officers' files (kept, served as downloads without
 * sniffing, refused when crafted, never to another agency), the agency's and the district's figures with their
 * CSV and XLSX, and what Kominfo and the coordinators see: figures, never a complainant.
 */
@MicronautTest(environments = "admin", transactional = false)
class ComplaintDeskHttpTest extends AdminHttpTest {
    static final Messages ID = Messages.of(Messages.INDONESIAN, "i18n.admin");

    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject ComplaintService complaints;
    @Inject TestClock clock;
    @Inject ZoneId zone;

    Actor officer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void twoAgenciesWithComplaintTeams() {
        for (String slug : List.of("lapor", "lain")) {
            Tenant t = Fixtures.tenantWithAdmin(tenants, slug, slug.equals("lapor") ? "Dinas Pelaporan" : "Dinas Lain");
            accounts.createMember(Fixtures.SYSTEM, t.id(), new NewAccount("petugas-" + slug, "Petugas", null, Fixtures.PASSWORD),
                    Role.COMPLAINT_OFFICER, false);
            complaints.saveSettings(Fixtures.signIn(accounts, sessions, "admin-" + slug), slug,
                    new ComplaintSettings(true, List.of("KTP-el", "Akta"), ComplaintStandards.SEED_004, 730));
        }
        officer = Fixtures.signIn(accounts, sessions, "petugas-lapor");
        Fixtures.platformUser(accounts, "bupati", Role.COORDINATOR);
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        // The first admins chose their own password long ago (the change of the initial one is tested elsewhere).
        id.serambi.core.testing.DirectSql.<Integer>query(database, db -> db.execute(
                "update app_user set must_change_password = false where username in ('admin-lapor', 'admin-lain')"));
    }

    /** A session as after a completed sign-in (second step included): these tests are not about signing in. */
    private String session(String username) {
        if (!(accounts.authenticate(username, Fixtures.PASSWORD, "127.0.0.1", "test") instanceof LoginResult.SignedIn signedIn)) {
            throw new AssertionError("cannot sign in " + username);
        }
        return sessions.open(signedIn.account(), "127.0.0.1", "test");
    }

    private Filed walkIn(String name, String phone, String category) {
        return complaints.intake(officer, "lapor", new NewComplaint("walk_in", name, phone, null, category,
                "Pelayanan di loket terlalu lama.", true, null));
    }

    private Reply attach(String session, String page, String name, MediaType type, byte[] bytes, String note) {
        return send(withSession(session, HttpRequest.POST(page + "/lampiran", MultipartBody.builder()
                .addPart("_csrf", csrf(session, page)).addPart("file", name, type, bytes).addPart("note", note).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
    }

    @Test
    void officers_attach_images_and_pdfs_that_download_safely_and_crafted_files_are_refused() {
        Filed filed = walkIn("Wulan Sari", "081377778888", "Akta");
        String page = "/admin/t/lapor/pengaduan/" + filed.id();
        String officerSession = session("petugas-lapor");

        Reply first = attach(officerSession, page, "foto loket.png", MediaType.IMAGE_PNG_TYPE, SampleFiles.png(), "Foto antrean.");
        // Accepted: a redirect to the complaint (which this client follows); the page below must list both files.
        assertThat(first.code()).isIn(200, 303);
        assertThat(attach(officerSession, page, "surat.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.PDF, "").code()).isIn(200, 303);
        String detail = send(withSession(officerSession, HttpRequest.GET(page))).body();
        assertThat(Html.text(detail)).contains("foto loket.jpg", "surat.pdf", "Foto antrean.");
        var links = java.util.regex.Pattern.compile("href=\"(" + java.util.regex.Pattern.quote(page) + "/lampiran/\\d+)\"")
                .matcher(detail).results().map(m -> m.group(1)).toList();
        assertThat(links).hasSize(2);

        Reply pdf = send(withSession(officerSession, HttpRequest.GET(links.get(1))));
        assertThat(pdf.code()).isEqualTo(200);
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(SampleFiles.PDF);
        assertThat(pdf.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment; filename=\"surat.pdf\"");
        assertThat(pdf.header("Cache-Control")).isEqualTo("private, no-store");
        Reply image = send(withSession(officerSession, HttpRequest.GET(links.get(0))));
        assertThat(image.code()).isEqualTo(200);
        assertThat(image.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));

        // Crafted files: the Indonesian reason, the note typed along kept, nothing attached.
        record Crafted(String name, MediaType type, byte[] bytes) {
        }
        for (Crafted c : List.of(new Crafted("bukti.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.HTML),
                new Crafted("denah.svg", MediaType.of("image/svg+xml"), SampleFiles.SVG),
                new Crafted("setup.exe", MediaType.APPLICATION_OCTET_STREAM_TYPE, SampleFiles.EXE),
                new Crafted("pindaian.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.oversized()))) {
            Reply refused = attach(officerSession, page, c.name(), c.type(), c.bytes(), "Catatan yang diketik petugas.");
            assertThat(refused.code()).as(c.name()).isEqualTo(400);
            assertThat(Html.text(refused.body())).as(c.name()).contains(expectedRefusal(c.name(), c.bytes()));
            assertThat(refused.body()).contains(">Catatan yang diketik petugas.</textarea>");
        }
        assertThat(java.util.regex.Pattern.compile("/lampiran/\\d+\"").matcher(
                send(withSession(officerSession, HttpRequest.GET(page))).body()).results().count()).isEqualTo(2);

        // Another agency's officer, the agency's own admin, Kominfo and the coordinator get no file.
        for (String other : List.of("petugas-lain", "admin-lapor", "staf-kominfo", "bupati")) {
            int code = send(withSession(session(other), HttpRequest.GET(links.get(1)))).code();
            assertThat(code).as(other).isIn(403, 404);
        }
    }

    private static String expectedRefusal(String name, byte[] bytes) {
        try {
            UploadSafety.inspectAttachment(name, bytes);
        } catch (InvalidInputException refused) {
            var e = refused.errors().get(0);
            return ID.get(e.messageKey(), e.args().toArray());
        }
        throw new AssertionError(name + " was not refused");
    }

    private ZonedDateTime moveToNext(DayOfWeek day, int hour, int minute) {
        ZonedDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone);
        ZonedDateTime target = now.toLocalDate().plusDays(1).with(TemporalAdjusters.nextOrSame(day)).atTime(hour, minute).atZone(zone);
        clock.advance(Duration.between(now, target));
        return target;
    }

    private static String compact(String html) {
        return html.replaceAll(">\\s+<", "><").replaceAll("\\s+</td>", "</td>").replaceAll("<td>\\s+", "<td>");
    }

    @Test
    void the_agency_and_the_district_figures_show_medians_shares_with_open_overdue_and_no_complainant() throws Exception {
        // Three walk-ins on a Monday 09:00 (due 09:30); one verified after 10 office minutes, one after 50, one left.
        ZonedDateTime monday = moveToNext(DayOfWeek.MONDAY, 9, 0);
        Filed quick = walkIn("Dewi Lestari", "081311112222", "KTP-el");
        Filed slow = walkIn("Dewi Lestari", "081311112222", "KTP-el");
        walkIn("Dewi Lestari", "081311112222", "Akta");
        clock.advance(Duration.ofMinutes(10));
        complaints.act(officer, "lapor", quick.id(), ComplaintStep.VERIFY, null, null);
        clock.advance(Duration.ofMinutes(40));
        complaints.act(officer, "lapor", slow.id(), ComplaintStep.VERIFY, null, null);
        // Now 09:50: the third is overdue in "received"; the quick one's answer was due 09:25, overdue in "verified".
        YearMonth month = YearMonth.from(monday);
        String received = "<tr><td>" + ID.get("complaint.status.received") + "</td><td>2</td><td>30</td><td>1</td><td>1</td><td>33%</td></tr>";
        String verified = "<tr><td>" + ID.get("complaint.status.verified") + "</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0%</td></tr>";

        Reply dashboard = send(withSession(session("admin-lapor"), HttpRequest.GET("/admin/t/lapor/pengaduan-laporan?bulan=" + month)));
        assertThat(dashboard.code()).isEqualTo(200);
        assertThat(compact(dashboard.body())).contains(received, verified);
        assertThat(Html.text(dashboard.body())).contains("KTP-el: 2", "Akta: 1").doesNotContain("Dewi").doesNotContain("0813");

        for (String who : List.of("staf-kominfo", "bupati")) {
            String s = session(who);
            Reply district = send(withSession(s, HttpRequest.GET("/admin/pengaduan-laporan?bulan=" + month)));
            assertThat(district.code()).as(who).isEqualTo(200);
            String lapor = compact(district.body());
            lapor = lapor.substring(lapor.indexOf("id=\"report-lapor\""));
            assertThat(lapor).contains(received, verified);
            assertThat(district.body()).doesNotContain("Dewi").doesNotContain("0813").doesNotContain("Wulan").doesNotContain("0813777");

            Reply csv = send(withSession(s, HttpRequest.GET("/admin/pengaduan-laporan?bulan=" + month + "&format=csv")));
            assertThat(csv.code()).isEqualTo(200);
            assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"pengaduan-kabupaten-" + month + ".csv\"");
            assertThat(csv.body()).contains(month + ",lapor,3,received,2,30,1,1,33", month + ",lapor,3,verified,0,0,0,1,0",
                    month + ",lapor,3,kategori:KTP-el,2", month + ",lapor,3,saluran:walk_in,3").doesNotContain("Dewi");

            Reply xlsx = send(withSession(s, HttpRequest.GET("/admin/pengaduan-laporan?bulan=" + month + "&format=xlsx")));
            assertThat(xlsx.code()).isEqualTo(200);
            assertThat(xlsx.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            byte[] xlsxBytes = http.toBlocking().exchange(withSession(s, HttpRequest.GET("/admin/pengaduan-laporan?bulan=" + month
                    + "&format=xlsx")), byte[].class).body();
            try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsxBytes))) {
                var rows = workbook.getFirstSheet().read();
                assertThat(rows.get(0).getCellText(0)).isEqualTo("bulan");
                var row = rows.stream().filter(r -> "lapor".equals(r.getCellText(1)) && "received".equals(r.getCellText(3)))
                        .findFirst().orElseThrow();
                assertThat(List.of(row.getCellText(2), row.getCellText(4), row.getCellText(5), row.getCellText(6),
                        row.getCellText(7), row.getCellText(8))).containsExactly("3", "2", "30", "1", "1", "33");
            }
        }
        Reply agencyCsv = send(withSession(session("petugas-lapor"), HttpRequest.GET("/admin/t/lapor/pengaduan-laporan?bulan=" + month
                + "&format=csv")));
        assertThat(agencyCsv.code()).isEqualTo(200);
        assertThat(agencyCsv.body()).contains(month + ",lapor,3,received,2,30,1,1,33").doesNotContain(",lain,");
        // Another agency's officer does not read this agency's figures.
        assertThat(send(withSession(session("petugas-lain"), HttpRequest.GET("/admin/t/lapor/pengaduan-laporan"))).code()).isIn(403, 404);
    }

    @Test
    void kominfo_and_coordinators_are_refused_every_page_with_a_complainant() {
        Filed filed = walkIn("Hendra Gunawan", "081244445555", "KTP-el");
        for (String who : List.of("staf-kominfo", "bupati", "admin-lapor", "petugas-lain")) {
            String s = session(who);
            for (String path : List.of("/admin/t/lapor/pengaduan", "/admin/t/lapor/pengaduan?status=received",
                    "/admin/t/lapor/pengaduan/" + filed.id(), "/admin/t/lapor/pengaduan/baru")) {
                Reply reply = send(withSession(s, HttpRequest.GET(path)));
                assertThat(reply.code()).as(who + " " + path).isIn(403, 404);
                assertThat(reply.body()).as(who + " " + path).doesNotContain("Hendra").doesNotContain("081244445555");
            }
            // Their own start page and the district figures name no complainant either.
            for (String path : List.of("/admin", "/admin/pengaduan-laporan")) {
                Reply reply = send(withSession(s, HttpRequest.GET(path)));
                assertThat(reply.body()).as(who + " " + path).doesNotContain("Hendra").doesNotContain("081244445555");
            }
        }
        assertThat(send(withSession(session("petugas-lapor"), HttpRequest.GET("/admin/t/lapor/pengaduan/" + filed.id()))).body())
                .contains("Hendra Gunawan", "081244445555");
    }

    @Test
    void every_intake_field_too_long_comes_back_with_its_message_and_the_typed_values() {
        String s = session("petugas-lapor");
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("name", new String[] {"N".repeat(201), ID.get("validation.too_long", 200)});
        cases.put("phone", new String[] {"0".repeat(21), ID.get("complaint.error.phone_long", 20)});
        cases.put("email", new String[] {"a".repeat(250) + "@x.id", ID.get("complaint.error.email_long", 254)});
        cases.put("category", new String[] {"K".repeat(101), ID.get("complaint.error.category")});
        cases.put("description", new String[] {"u".repeat(5001), ID.get("complaint.error.description_long", 5000)});
        cases.put("channel", new String[] {"c".repeat(300), ID.get("complaint.error.channel")});
        for (var c : cases.entrySet()) {
            Reply page = send(withSession(s, HttpRequest.GET("/admin/t/lapor/pengaduan/baru")));
            Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("_csrf", Html.csrfToken(page.body()));
            values.put("channel", "walk_in");
            values.put("name", "Ibu Sari");
            values.put("phone", "081299998888");
            values.put("email", "");
            values.put("category", "Akta");
            values.put("description", "Akta kematian ayah belum bisa diambil.");
            values.put(c.getKey(), c.getValue()[0]);
            String body = values.entrySet().stream().map(e -> e.getKey() + "=" + ComplaintConsoleTest.enc(e.getValue()))
                    .collect(java.util.stream.Collectors.joining("&"));
            Reply reply = send(withSession(s, form("/admin/t/lapor/pengaduan/baru", body)));
            assertThat(reply.code()).as(c.getKey()).isEqualTo(400);
            assertThat(Html.text(reply.body())).as(c.getKey()).contains(c.getValue()[1]);
            if (List.of("name", "phone", "email", "description").contains(c.getKey())) {
                assertThat(reply.body()).as(c.getKey()).contains(c.getValue()[0]);
            }
            if (!c.getKey().equals("description")) {
                assertThat(reply.body()).contains("Akta kematian ayah belum bisa diambil.");
            }
        }
    }
}
