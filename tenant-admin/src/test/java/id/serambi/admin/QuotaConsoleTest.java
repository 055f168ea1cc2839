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
        assertThat(map.body().indexOf("data-slug=\"pupr\"")).as("longest missed streak first")
                .isLessThan(map.body().indexOf("data-slug=\"dinkes\"") + 1_000_000);

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
