package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.testing.TestClock;
import id.serambi.core.account.NewAccount;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(environments = "admin", transactional = false)
class ConsoleTest extends AdminHttpTest {
    static final String ADMIN_PASSWORD = "pintu-gerbang-biru-2026";
    static final String OWN_PASSWORD = "jendela-kaca-hijau-77";
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject TestClock clock;
    @Inject TenantService tenants;

    /** Authenticator secrets of the people enrolled in @BeforeAll, by user name. */
    final Map<String, String> authenticators = new java.util.HashMap<>();

    // A clock the test moves: every sign-in needs a fresh authenticator code, one per 30-second step.
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void platformAdmin() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        Actor kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
        String secret = secondFactor.enrolmentSecret(kominfo);
        secondFactor.confirmEnrolment(kominfo, Totp.code(secret, Totp.step(clock.instant())));
        authenticators.put("kominfo", secret);
    }

    @Test
    void the_login_page_speaks_indonesian_by_default_and_english_on_request() {
        Reply page = send(HttpRequest.GET("/admin/login"));
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Masuk ke konsol", "Nama pengguna", "Kata sandi");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(Html.text(send(HttpRequest.GET("/admin/login?lang=en")).body())).contains("Sign in to the console", "User name");
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_a_message_and_no_session() {
        Reply page = send(form("/admin/login", "username=kominfo&password=bukan-sandinya"));
        assertThat(page.code()).isEqualTo(401);
        assertThat(Html.text(page.body())).contains("Nama pengguna atau kata sandi salah.");
        assertThat(page.sessionCookie()).isEmpty();
    }

    @Test
    void an_anonymous_browser_is_sent_to_the_login_page() {
        Reply response = send(HttpRequest.GET("/admin").accept("text/html"));
        assertThat(response.code()).isIn(302, 303);
        assertThat(response.header("Location")).isEqualTo("/admin/login");
    }

    @Test
    void a_platform_admin_creates_a_tenant_and_its_admin_publishes_a_post_that_counts_this_week() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        Reply created = createTenant(kominfo, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        assertThat(created.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET("/admin"))).body()))
                .contains("Dinas Kependudukan dan Pencatatan Sipil", "/dukcapil");

        String admin = firstLogin("admin.dukcapil");
        Reply home = send(withSession(admin, HttpRequest.GET("/admin")));
        assertThat(home.code()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/admin/t/dukcapil");
        assertThat(Html.text(send(withSession(admin, HttpRequest.GET("/admin/t/dukcapil"))).body())).contains("0 dari 2 minggu ini");

        Map<String, String> post = new LinkedHashMap<>();
        post.put("_csrf", csrf(admin, "/admin/t/dukcapil"));
        post.put("title", "Pelayanan KTP-el Keliling");
        post.put("kind", "news");
        post.put("summary", "Pelayanan perekaman di kecamatan.");
        post.put("bodyHtml", "<p>Warga dapat merekam KTP-el.</p>");
        post.put("action", "publish");
        Reply published = send(withSession(admin, form("/admin/t/dukcapil/posts", encode(post))));
        assertThat(published.code()).isEqualTo(303);

        String dashboard = Html.text(send(withSession(admin, HttpRequest.GET("/admin/t/dukcapil"))).body());
        assertThat(dashboard).contains("1 dari 2 minggu ini", "Pelayanan KTP-el Keliling", "terbit");
    }

    @Test
    void a_new_kominfo_staff_member_enrols_an_authenticator_before_anything_else() {
        Fixtures.platformUser(accounts, "staf.baru", Role.PLATFORM_STAFF);
        Reply first = send(form("/admin/login", "username=staf.baru&password=" + Fixtures.PASSWORD));
        assertThat(first.header("Location")).isEqualTo("/admin/2fa");
        String session = first.sessionCookie().map(Cookie::getValue).orElseThrow();
        Reply elsewhere = send(withSession(session, HttpRequest.GET("/admin")));
        assertThat(elsewhere.header("Location")).as("nothing else until the second step").isEqualTo("/admin/2fa");

        String page = send(withSession(session, HttpRequest.GET("/admin/2fa"))).body();
        assertThat(Html.text(page)).contains("Verifikasi dua langkah", "Pindai kode QR");
        assertThat(page).contains("<svg", "id=\"totp-secret\"");
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(key.find()).isTrue();
        String secret = key.group(1).replace(" ", "");

        Reply wrong = send(withSession(session, form("/admin/2fa", "_csrf=" + Html.csrfToken(page) + "&code=000000")));
        assertThat(wrong.code()).isEqualTo(400);
        assertThat(Html.text(wrong.body())).contains("Kode salah");

        String code = Totp.code(secret, Totp.step(clock.instant()));
        Reply enrolled = send(withSession(session, form("/admin/2fa", "_csrf=" + Html.csrfToken(page) + "&code=" + code)));
        assertThat(enrolled.code()).isEqualTo(200);
        assertThat(Html.text(enrolled.body())).contains("Kode pemulihan", "hanya ditampilkan sekali");
        assertThat(enrolled.body().split("<li><code>")).hasSize(11);
        assertThat(send(withSession(session, HttpRequest.GET("/admin"))).code()).isEqualTo(200);
    }

    @Test
    void a_new_admin_is_sent_to_replace_the_initial_password_before_anything_else() {
        // An account with an initial password chosen by someone else (the older way, still in the service).
        tenants.createWithFirstAdmin(Fixtures.SYSTEM, new NewTenant("dispora", "Dinas Pemuda dan Olahraga", "dinas", null),
                new NewAccount("admin.dispora", "Admin Dispora", null, ADMIN_PASSWORD));
        String first = login("admin.dispora", ADMIN_PASSWORD);
        String second = login("admin.dispora", ADMIN_PASSWORD);
        for (String path : new String[] {"/admin", "/admin/t/dispora", "/admin/sessions"}) {
            Reply page = send(withSession(first, HttpRequest.GET(path)));
            assertThat(page.code()).as(path).isEqualTo(303);
            assertThat(page.header("Location")).as(path).isEqualTo("/admin/kata-sandi");
        }
        String formPage = send(withSession(first, HttpRequest.GET("/admin/kata-sandi"))).body();
        assertThat(Html.text(formPage)).contains("Kata sandi Anda dibuat oleh orang lain");

        Reply mismatch = send(withSession(first, form("/admin/kata-sandi", "_csrf=" + Html.csrfToken(formPage)
                + "&current=" + ADMIN_PASSWORD + "&password=" + OWN_PASSWORD + "&confirmation=lain-sekali-ya")));
        assertThat(mismatch.code()).isEqualTo(400);
        assertThat(Html.text(mismatch.body())).contains("Ulangan kata sandi tidak sama.");
        assertThat(mismatch.body()).doesNotContain(OWN_PASSWORD, ADMIN_PASSWORD);

        Reply changed = send(withSession(first, form("/admin/kata-sandi", "_csrf=" + Html.csrfToken(formPage)
                + "&current=" + ADMIN_PASSWORD + "&password=" + OWN_PASSWORD + "&confirmation=" + OWN_PASSWORD)));
        assertThat(changed.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(first, HttpRequest.GET("/admin/t/dispora?password=changed"))).body()))
                .contains("Kata sandi telah diganti.", "0 dari 2 minggu ini");
        assertThat(send(withSession(second, HttpRequest.GET("/admin"))).code()).as("the other session ended").isEqualTo(401);
    }

    @Test
    void a_taken_slug_shows_the_form_again_with_the_reason_and_keeps_what_was_typed() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "dinkes", "Dinas Kesehatan");
        Map<String, String> second = tenantForm("dinkes", "Dinas Kesehatan Kedua", csrf(kominfo, "/admin"));
        second.put("username", "admin.dinkes2");
        second.put("email", "admin2@dinkes.contohkab.go.id");
        Reply again = send(withSession(kominfo, multipart("/admin/tenants", second, null)));
        assertThat(again.code()).isEqualTo(400);
        assertThat(Html.text(again.body())).contains("Slug ini sudah dipakai situs lain.", "Periksa isian");
        assertThat(again.body()).contains("value=\"Dinas Kesehatan Kedua\"", "value=\"800/1/DINKES/2026\"");
    }

    @Test
    void a_form_without_its_token_or_from_another_site_is_refused_and_nothing_is_created() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        Map<String, String> noToken = tenantForm("liar", "Situs Liar", "salah");
        assertThat(send(withSession(kominfo, multipart("/admin/tenants", noToken, null))).code()).isEqualTo(403);
        Map<String, String> crossSite = tenantForm("liar", "Situs Liar", csrf(kominfo, "/admin"));
        assertThat(send(withSession(kominfo, multipart("/admin/tenants", crossSite, null).header("Sec-Fetch-Site", "cross-site")))
                .code()).isEqualTo(403);
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET("/admin"))).body())).doesNotContain("Situs Liar");
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        Reply out = send(withSession(kominfo, form("/admin/logout", "_csrf=" + csrf(kominfo, "/admin"))));
        assertThat(out.code()).isEqualTo(303);
        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin"))).code()).isEqualTo(401);
    }

    @Test
    void a_person_ends_a_session_left_open_elsewhere_from_my_sessions() {
        String office = login("kominfo", Fixtures.PASSWORD);
        String elsewhere = login("kominfo", Fixtures.PASSWORD);
        String page = send(withSession(office, HttpRequest.GET("/admin/sessions"))).body();
        assertThat(Html.text(page)).contains("Sesi saya", "Sesi ini", "Akhiri");
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("action=\"(/admin/sessions/\\d+/end)\"").matcher(page);
        assertThat(end.find()).isTrue();
        assertThat(send(withSession(office, form(end.group(1), "_csrf=" + Html.csrfToken(page)))).code()).isEqualTo(303);
        assertThat(send(withSession(elsewhere, HttpRequest.GET("/admin"))).code()).isEqualTo(401);
        assertThat(send(withSession(office, HttpRequest.GET("/admin"))).code()).isEqualTo(200);
    }

    @Test
    void kominfo_reads_the_whole_audit_trail_and_an_agency_admin_only_their_own() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "bpbd", "BPBD");
        createTenant(kominfo, "dpupr", "Dinas PUPR");

        String all = Html.text(send(withSession(kominfo, HttpRequest.GET("/admin/audit?action=tenant."))).body());
        assertThat(all).contains("Jejak audit", "tenant.create", "bpbd", "dpupr");
        String one = Html.text(send(withSession(kominfo, HttpRequest.GET("/admin/audit?tenant=bpbd"))).body());
        assertThat(one).contains("bpbd").doesNotContain("dpupr");

        String bpbd = firstLogin("admin.bpbd");
        String own = Html.text(send(withSession(bpbd, HttpRequest.GET("/admin/t/bpbd/audit"))).body());
        assertThat(own).contains("tenant.create", "account.create").doesNotContain("dpupr");
        assertThat(send(withSession(bpbd, HttpRequest.GET("/admin/t/dpupr/audit"))).code()).isEqualTo(404);
        assertThat(send(withSession(bpbd, HttpRequest.GET("/admin/audit"))).code()).isEqualTo(404);
    }

    @Test
    void the_audit_trail_downloads_as_csv_and_a_bad_date_is_explained() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        Reply csv = send(withSession(kominfo, HttpRequest.GET("/admin/audit.csv?action=auth.")));
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.body()).startsWith("\uFEFFid,waktu,pelaku,situs,tindakan").contains("auth.login");

        Reply bad = send(withSession(kominfo, HttpRequest.GET("/admin/audit?from=kemarin")));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(Html.text(bad.body())).contains("Tanggal tidak valid");
    }

    @Test
    void kominfo_suspends_an_agency_with_a_reason_and_its_admin_is_signed_out_at_once() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "disnaker", "Dinas Tenaga Kerja");
        String admin = firstLogin("admin.disnaker");

        String page = send(withSession(kominfo, HttpRequest.GET("/admin/t/disnaker"))).body();
        assertThat(Html.text(page)).contains("Status situs", "Status sekarang: aktif", "Bekukan", "Arsipkan");
        Reply noReason = send(withSession(kominfo, form("/admin/t/disnaker/status",
                "_csrf=" + Html.csrfToken(page) + "&status=suspended&reason=")));
        assertThat(noReason.code()).isEqualTo(400);
        assertThat(Html.text(noReason.body())).contains("Wajib diisi.");

        Reply suspended = send(withSession(kominfo, form("/admin/t/disnaker/status",
                "_csrf=" + Html.csrfToken(page) + "&status=suspended&reason=Situs+disusupi+iklan+judi")));
        assertThat(suspended.code()).isEqualTo(303);
        assertThat(send(withSession(admin, HttpRequest.GET("/admin"))).code()).isEqualTo(401);
        Reply refused = send(form("/admin/login", "username=admin.disnaker&password=" + OWN_PASSWORD));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(Html.text(refused.body())).contains("sedang dibekukan oleh Kominfo");
        assertThat(Html.text(send(withSession(kominfo, HttpRequest.GET("/admin/t/disnaker"))).body()))
                .contains("Status sekarang: dibekukan", "Aktifkan");
    }

    @Test
    void an_agency_admin_is_not_offered_and_may_not_use_the_status_form() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "dlh", "Dinas Lingkungan Hidup");
        String admin = firstLogin("admin.dlh");
        String page = send(withSession(admin, HttpRequest.GET("/admin/t/dlh"))).body();
        assertThat(Html.text(page)).doesNotContain("Status situs", "Bekukan");
        Reply attempt = send(withSession(admin, form("/admin/t/dlh/status",
                "_csrf=" + Html.csrfToken(page) + "&status=suspended&reason=coba")));
        assertThat(attempt.code()).isEqualTo(403);
    }

    @Test
    void the_manual_is_linked_from_every_page_and_reads_in_both_languages() {
        assertThat(send(HttpRequest.GET("/admin/login")).body()).contains("href=\"/admin/bantuan\"");
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        assertThat(send(withSession(kominfo, HttpRequest.GET("/admin"))).body()).contains("href=\"/admin/bantuan\"");
        for (String topic : new String[] {"memulai", "menulis", "kuota", "moderasi", "pengaduan", "keamanan"}) {
            Reply page = send(HttpRequest.GET("/admin/bantuan/" + topic));
            assertThat(page.code()).as(topic).isEqualTo(200);
            assertThat(Html.text(page.body())).as(topic).contains("Panduan admin situs");
        }
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/kuota")).body())).contains("Senin pukul 00.00");
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/kuota?lang=en")).body())).contains("Monday 00:00");
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/moderasi")).body())).contains("Pra-moderasi",
                "Pasca-moderasi", "Sudah tampil, belum ditinjau", "Tepercaya", "Tidak masuk antrean");
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/moderasi?lang=en")).body())).contains("Pre-moderation",
                "Post-moderation", "Shown, not yet reviewed", "Trusted", "Never queued");
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/pengaduan")).body())).contains("nomor register",
                "2 hari kerja", "Senin–Kamis 07.30–16.00", "NIK tidak diminta");
        assertThat(Html.text(send(HttpRequest.GET("/admin/bantuan/pengaduan?lang=en")).body())).contains("register number",
                "2 working days", "Monday–Thursday 07:30–16:00");
        assertThat(send(HttpRequest.GET("/admin/bantuan/tidak-ada")).code()).isEqualTo(404);
    }

    @Test
    void an_unknown_console_or_api_address_answers_404_in_the_consoles_own_words() {
        Reply page = send(HttpRequest.GET("/admin/tidak-ada/sama-sekali"));
        assertThat(page.code()).isEqualTo(404);
        assertThat(Html.text(page.body())).contains("Tidak ditemukan", "Kembali ke beranda konsol");
        Reply api = send(HttpRequest.GET("/api/v1/tidak-ada"));
        assertThat(api.code()).isEqualTo(404);
        assertThat(api.contentType()).hasValue("application/problem+json");
        // The real pages next to them still answer.
        assertThat(send(HttpRequest.GET("/admin/assets/admin.css")).code()).isEqualTo(200);
        assertThat(send(HttpRequest.GET("/admin/bantuan/kuota")).code()).isEqualTo(200);
        assertThat(send(HttpRequest.GET("/admin/login")).code()).isEqualTo(200);
    }

    @Test
    void an_agency_admin_requires_two_step_sign_in_of_the_team_from_next_sign_in() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "bpkad", "Badan Keuangan Daerah");
        String admin = firstLogin("admin.bpkad");
        String page = send(withSession(admin, HttpRequest.GET("/admin/t/bpkad"))).body();
        assertThat(Html.text(page)).contains("Keamanan tim situs");
        Reply saved = send(withSession(admin, form("/admin/t/bpkad/keamanan", "_csrf=" + Html.csrfToken(page) + "&requireSecondFactor=on")));
        assertThat(saved.code()).isEqualTo(303);
        assertThat(send(withSession(admin, HttpRequest.GET("/admin/t/bpkad"))).body()).contains("id=\"requireSecondFactor\" checked");

        Reply next = send(form("/admin/login", "username=admin.bpkad&password=" + OWN_PASSWORD));
        assertThat(next.header("Location")).isEqualTo("/admin/2fa");
    }

    @Test
    void another_agencys_console_page_is_not_found() {
        String kominfo = login("kominfo", Fixtures.PASSWORD);
        createTenant(kominfo, "dinsos", "Dinas Sosial");
        createTenant(kominfo, "distan", "Dinas Pertanian");
        String dinsos = firstLogin("admin.dinsos");
        Reply page = send(withSession(dinsos, HttpRequest.GET("/admin/t/distan")));
        assertThat(page.code()).isEqualTo(404);
        assertThat(Html.text(page.body())).contains("Tidak ditemukan").doesNotContain("Dinas Pertanian");
    }

    /** Activates the designated admin through the mailed link with their own password, then signs in. */
    private String firstLogin(String username) {
        String slug = username.substring(username.indexOf('.') + 1);
        Reply activated = choosePassword("/admin/aktivasi/" + mailedToken("admin@" + slug + ".contohkab.go.id", "/admin/aktivasi/"), OWN_PASSWORD);
        assertThat(activated.code()).as("activation of " + username).isEqualTo(303);
        return login(username, OWN_PASSWORD);
    }

    private Reply createTenant(String kominfo, String slug, String name) {
        Reply created = send(withSession(kominfo, multipart("/admin/tenants", tenantForm(slug, name, csrf(kominfo, "/admin")), null)));
        assertThat(created.code()).as("tenant " + slug).isEqualTo(303);
        return created;
    }

    private String login(String username, String password) {
        Reply response = send(form("/admin/login", "username=" + username + "&password=" + password));
        assertThat(response.code()).as("login of " + username).isEqualTo(303);
        String session = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        if ("/admin/2fa".equals(response.header("Location"))) {
            clock.advance(java.time.Duration.ofSeconds(30));
            String code = Totp.code(authenticators.get(username), Totp.step(clock.instant()));
            Reply passed = send(withSession(session, form("/admin/2fa", "_csrf=" + csrf(session, "/admin/2fa") + "&code=" + code)));
            assertThat(passed.code()).as("second factor of " + username).isEqualTo(303);
        }
        return session;
    }

    private static Map<String, String> tenantForm(String slug, String name, String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", name);
        form.put("slug", slug);
        form.put("kind", "dinas");
        form.put("displayName", "Admin " + name);
        form.put("username", "admin." + slug);
        form.put("email", "admin@" + slug + ".contohkab.go.id");
        form.put("letterNumber", "800/1/" + slug.toUpperCase(java.util.Locale.ROOT) + "/2026");
        form.put("letterDate", "2026-01-05");
        form.put("signerName", "Kepala " + name);
        form.put("signerTitle", "Kepala " + name);
        form.put("delivery", "email");
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
