package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.account.UserId;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.quota.QuotaWeek;
import id.serambi.core.report.CsvReader;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The quota pages, reports and notifications in the console, for Kominfo and for an agency's admin. */
@MicronautTest(environments = "admin", transactional = false)
class QuotaConsoleTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject QuotaService quota;
    @Inject NotificationService notifications;
    @Inject TestClock clock;
    private String kominfoSecret;
    private Tenant dinkes;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void district() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        Actor kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
        kominfoSecret = secondFactor.enrolmentSecret(kominfo);
        secondFactor.confirmEnrolment(kominfo, Totp.code(kominfoSecret, Totp.step(clock.instant())));
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "pupr", "Dinas PUPR");
        Tenant arsip = Fixtures.tenantWithAdmin(tenants, "dispusip", "Dinas Arsip");
        Tenant bpbd = Fixtures.tenantWithAdmin(tenants, "bpbd", "Badan Penanggulangan Bencana");
        // Active since well before this week, with one post first published this week.
        DirectSql.query(database, db -> {
            db.execute("update app_user set must_change_password = false");
            db.execute("update tenant set created_at = now() - interval '400 days'");
            db.execute("update tenant_status_history set since = now() - interval '400 days'");
            var at = quota.currentWeek().start().plusMinutes(1).toOffsetDateTime();
            return db.execute("insert into post (tenant_id, kind, status, title, slug, first_published_at, published_at) "
                    + "values (?, 'news', 'published', 'Posyandu Balita', 'posyandu', ?::timestamptz, ?::timestamptz)",
                    dinkes.id().value(), at.toString(), at.toString());
        });
        // Over the 26 weeks of the heatmap (25 finished): Dinas Arsip met the last 4 finished weeks (compliance 4/25,
        // streak +4); the Badan met weeks 10 to 15 ago and nothing since (6/25, streak -9); Dinas Kesehatan posted
        // only this week and Dinas PUPR never (0/25 and streak -25 each; PUPR has no last post).
        for (int weeksAgo = 1; weeksAgo <= 4; weeksAgo++) {
            postsInWeek(arsip, weeksAgo, 2);
        }
        for (int weeksAgo = 10; weeksAgo <= 15; weeksAgo++) {
            postsInWeek(bpbd, weeksAgo, 2);
        }
    }

    @Test
    void an_agency_admin_sees_what_is_needed_this_week_and_only_their_own_site() {
        String admin = consoleSignIn("admin-dinkes");
        Reply own = send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/kuota?pekan=" + quota.currentWeek().label())));
        assertThat(own.code()).isEqualTo(200);
        String text = Html.text(own.body());
        assertThat(text).contains("Minggu ini: 1 dari 2 berita; perlu 1 lagi sebelum Minggu 23.59.", "Posyandu Balita");
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/pupr/kuota"))).code()).isEqualTo(404);
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/kuota"))).code()).isEqualTo(403);
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/kuota?lang=en"))).body())
                .contains("This week: 1 of 2 posts; 1 more needed before Sunday 23:59.");
    }

    @Test
    void kominfo_sees_the_heatmap_with_a_symbol_in_every_cell_and_grants_an_exemption() {
        String kominfo = kominfoSignIn();
        Reply map = send(withSession(kominfo, HttpRequest.GET("/admin/kuota?minggu=26&urut=streak")));
        assertThat(map.code()).isEqualTo(200);
        assertThat(map.body()).contains("id=\"quota-heatmap\"", "data-slug=\"dinkes\"", "data-slug=\"pupr\"", "class=\"scroll-x\"");
        String row = map.body().substring(map.body().indexOf("data-slug=\"pupr\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row.split("class=\"q q-")).hasSize(27);           // 26 weeks
        assertThat(row).contains("<span aria-hidden=\"true\">✗</span>", "Tidak terpenuhi");
        assertThat(heatmapOrder(kominfo, "streak")).as("longest run of weeks not met first, then by name")
                .containsExactly("dinkes", "pupr", "bpbd", "dispusip");

        String token = csrf(kominfo, "/admin/kuota/pengecualian");
        Reply bad = send(withSession(kominfo, form("/admin/kuota/pengecualian", "_csrf=" + token + "&tenant=&firstDay=kemarin&reason=")));
        assertThat(bad.code()).isEqualTo(400);
        Reply added = send(withSession(kominfo, form("/admin/kuota/pengecualian", "_csrf=" + token
                + "&tenant=pupr&firstDay=" + quota.currentWeek().firstDay().minusWeeks(1) + "&lastDay=&reason=Banjir+di+kantor")));
        assertThat(added.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET("/admin/kuota/pengecualian"))).body()))
                .contains("Dinas PUPR", "Banjir di kantor");
        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin/t/pupr/kuota"))).body()).contains("Banjir di kantor");
    }

    @Test
    void the_heatmap_sorts_by_compliance_streak_last_post_and_name() {
        String kominfo = kominfoSignIn();
        // Worst first; ties (Kesehatan and PUPR at 0 %) by name. An exemption PUPR may get in another test keeps
        // it at 0 % and its streak below the Badan's, so these orders hold in any test order.
        assertThat(heatmapOrder(kominfo, "kepatuhan")).containsExactly("dinkes", "pupr", "dispusip", "bpbd");
        assertThat(heatmapOrder(kominfo, "streak")).containsExactly("dinkes", "pupr", "bpbd", "dispusip");
        assertThat(heatmapOrder(kominfo, "terakhir")).as("never posted first, then the oldest last post")
                .containsExactly("pupr", "bpbd", "dispusip", "dinkes");
        assertThat(heatmapOrder(kominfo, "nama")).containsExactly("bpbd", "dispusip", "dinkes", "pupr");
        assertThat(heatmapOrder(kominfo, "acak")).as("an unknown order falls back to compliance")
                .containsExactly("dinkes", "pupr", "dispusip", "bpbd");
    }

    @Test
    void district_reports_download_over_http_and_open_with_the_weeks_figures() throws Exception {
        String kominfo = kominfoSignIn();
        QuotaWeek week = quota.currentWeek().previous().previous();
        // Two weeks ago: Dinas Arsip's 2 posts (met); the Badan, Kesehatan and PUPR published nothing (not met).
        List<String> weekRow = List.of(week.label(), week.firstDay() + " s.d. " + week.lastDay(), "2", "1", "0", "3", "0");
        java.time.LocalDate thursday = week.firstDay().plusDays(3);
        String month = String.format("%d-%02d", thursday.getYear(), thursday.getMonthValue());
        String half = thursday.getYear() + "-H" + (thursday.getMonthValue() <= 6 ? 1 : 2);

        Download weekly = download(withSession(kominfo, HttpRequest.GET("/admin/laporan/unduh?periode=" + week.label() + "&format=xlsx")));
        assertThat(weekly.code()).isEqualTo(200);
        assertThat(weekly.contentType()).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        Map<String, List<List<String>>> sheets = xlsx(weekly.bytes());
        assertThat(sheets.get("Laporan").get(0).get(0)).startsWith("Laporan Mingguan");
        assertThat(sheets.get("Berita per minggu (kabupaten)")).contains(weekRow);
        assertThat(sheets.get("Kepatuhan kuota terbit")).contains(
                List.of("Dinas Arsip", "2", "2", "1", "1", "0", "0", "0", "100%"),
                List.of("Dinas PUPR", "2", "0", "1", "0", "0", "1", "0", "0%"));

        Download monthly = download(withSession(kominfo, HttpRequest.GET("/admin/laporan/unduh?periode=" + month + "&format=xlsx")));
        assertThat(monthly.code()).isEqualTo(200);
        assertThat(xlsx(monthly.bytes()).get("Berita per minggu (kabupaten)")).contains(weekRow);

        Download sixMonthly = download(withSession(kominfo, HttpRequest.GET("/admin/laporan/unduh?periode=" + half + "&format=pdf")));
        assertThat(sixMonthly.code()).isEqualTo(200);
        assertThat(sixMonthly.contentType()).hasValueSatisfying(t -> assertThat(t).contains("application/pdf"));
        // The PDF's narrow date column wraps a date after its dash ("2026-11- 22"): joined again before comparing.
        String pdf = id.serambi.core.safety.PdfText.extract(sixMonthly.bytes(), id.serambi.core.safety.PdfText.Limits.DEFAULT)
                .text().replaceAll("\\s+", " ").replace("- ", "-");
        assertThat(pdf).contains("Laporan Semesteran", String.join(" ", weekRow));

        Download monthlyPdf = download(withSession(kominfo, HttpRequest.GET("/admin/laporan/unduh?periode=" + month + "&format=pdf")));
        assertThat(id.serambi.core.safety.PdfText.extract(monthlyPdf.bytes(), id.serambi.core.safety.PdfText.Limits.DEFAULT)
                .text().replaceAll("\\s+", " ").replace("- ", "-")).contains("Laporan Bulanan", String.join(" ", weekRow));
    }

    /** A file as the browser downloads it: status, content type and the bytes untouched. */
    record Download(int code, java.util.Optional<String> contentType, byte[] bytes) {
    }

    private Download download(io.micronaut.http.MutableHttpRequest<?> request) {
        var response = http.toBlocking().exchange(request, byte[].class);
        return new Download(response.code(), response.getHeaders().findFirst("Content-Type"), response.body());
    }

    private static Map<String, List<List<String>>> xlsx(byte[] bytes) throws Exception {
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
            for (var sheet : workbook.getSheets().toList()) {
                List<List<String>> rows = new java.util.ArrayList<>();
                for (var row : sheet.read()) {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellText(i));
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
            return sheets;
        }
    }

    @Test
    void reports_download_as_csv_xlsx_and_pdf_for_the_own_site() {
        String admin = consoleSignIn("admin-dinkes");
        String month = String.format("%d-%02d", quota.currentWeek().start().getYear(), quota.currentWeek().start().getMonthValue());
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/laporan"))).body()).contains("format=xlsx");
        Reply csv = send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/laporan/unduh?periode=" + month + "&format=csv")));
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("laporan-dinkes-" + month + ".csv");
        List<List<String>> rows = CsvReader.parse(csv.body()).stream().map(CsvReader.Row::cells).toList();
        assertThat(rows).contains(List.of("Cakupan", "Dinas Kesehatan"));
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/laporan/unduh?periode=" + month + "&format=xlsx")))
                .contentType()).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/laporan/unduh?periode=" + month + "&format=pdf")))
                .contentType()).hasValueSatisfying(t -> assertThat(t).contains("application/pdf"));
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/dinkes/laporan/unduh?periode=bulan-lalu&format=pdf"))).code())
                .isEqualTo(400);
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/laporan/unduh?periode=" + month + "&format=csv"))).code())
                .isEqualTo(403);
    }

    @Test
    void a_person_reads_their_notifications_and_marks_them_read() {
        UserId adminId = DirectSql.query(database, db -> new UserId(db.resultQuery("select id from app_user where username = 'admin-pupr'")
                .fetchSingle().get(0, Long.class)));
        notifications.send(List.of(adminId), null, "quota.reminder", "notify.quota.reminder",
                List.of("Dinas PUPR", "0", "2", "2"), "/admin/t/pupr/kuota", "uji:1");
        String admin = consoleSignIn("admin-pupr");
        Reply page = send(withSession(admin, HttpRequest.GET("/admin/notifikasi")));
        assertThat(Html.text(page.body())).contains("1 belum dibaca",
                "Kuota Dinas PUPR minggu ini: 0 dari 2 berita; perlu 2 lagi sebelum Minggu 23.59.");
        // The header on every console page shows the count, with words for a screen reader.
        String link = notificationsLink(page.body());
        assertThat(link).contains("<span aria-hidden=\"true\">(1)</span>", "<span class=\"visually-hidden\">, 1 belum dibaca</span>");
        assertThat(link.replaceAll("<[^>]+>", "").strip()).isEqualTo("Notifikasi (1), 1 belum dibaca");
        assertThat(notificationsLink(send(withSession(admin, HttpRequest.GET("/admin/t/pupr/kuota"))).body())).isEqualTo(link);
        Reply read = send(withSession(admin, form("/admin/notifikasi/baca", "_csrf=" + Html.csrfToken(page.body()))));
        assertThat(read.code()).isEqualTo(303);
        Reply after = send(withSession(admin, HttpRequest.GET("/admin/notifikasi")));
        assertThat(Html.text(after.body())).contains("0 belum dibaca");
        assertThat(notificationsLink(after.body()).strip()).isEqualTo("Notifikasi");
    }

    private void postsInWeek(Tenant tenant, int weeksAgo, int count) {
        QuotaWeek week = quota.currentWeek();
        for (int i = 0; i < weeksAgo; i++) {
            week = week.previous();
        }
        for (int i = 0; i < count; i++) {
            String at = week.start().plusDays(1).plusHours(i + 8).toOffsetDateTime().toString();
            String slug = "b-" + weeksAgo + "-" + i;
            DirectSql.query(database, db -> db.execute("insert into post (tenant_id, kind, status, title, slug, "
                    + "first_published_at, published_at) values (?, 'news', 'published', ?, ?, ?::timestamptz, ?::timestamptz)",
                    tenant.id().value(), "Berita " + slug, slug, at, at));
        }
    }

    /** The tenants' slugs in the order of the heatmap's rows. */
    private List<String> heatmapOrder(String session, String sort) {
        Reply map = send(withSession(session, HttpRequest.GET("/admin/kuota?minggu=26&urut=" + sort)));
        assertThat(map.code()).isEqualTo(200);
        String table = map.body().substring(map.body().indexOf("id=\"quota-heatmap\""));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> slugs = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("<tr[^>]*data-slug=\"([^\"]+)\"").matcher(table);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    private static String notificationsLink(String html) {
        var m = java.util.regex.Pattern.compile("<a href=\"/admin/notifikasi\" id=\"notifications-link\">(.*?)</a>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the header's notifications link").isTrue();
        return m.group(1);
    }

    private String kominfoSignIn() {
        Reply response = send(form("/admin/login", "username=kominfo&password=" + Fixtures.PASSWORD));
        String session = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        clock.advance(java.time.Duration.ofSeconds(30));
        String code = Totp.code(kominfoSecret, Totp.step(clock.instant()));
        Reply passed = send(withSession(session, form("/admin/2fa", "_csrf=" + csrf(session, "/admin/2fa") + "&code=" + code)));
        assertThat(passed.code()).isEqualTo(303);
        return session;
    }
}
