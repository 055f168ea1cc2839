package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.testing.TestClock;
import id.serambi.core.testing.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(environments = "admin", transactional = false)
class ApiTest extends AdminHttpTest {
    static final String ADMIN_PASSWORD = "pintu-gerbang-biru-2026";
    static final String OWN_PASSWORD = "jendela-kaca-hijau-77";
    @Inject AccountService accounts;
    @Inject JsonMapper json;

    String kominfo;

    // A clock that stands still: a sign-in delay lasts as long as the test needs, however slow the machine.
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject TestClock clock;
    String kominfoSecret;

    @BeforeAll
    void platformAdmin() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        Actor actor = Fixtures.signIn(accounts, sessions, "kominfo");
        kominfoSecret = secondFactor.enrolmentSecret(actor);
        secondFactor.confirmEnrolment(actor, Totp.code(kominfoSecret, Totp.step(clock.instant())));
        kominfo = signIn("kominfo", Fixtures.PASSWORD);
    }

    @Test
    void a_platform_admin_creates_a_tenant_and_its_admin_writes_and_publishes_a_post() {
        Reply created = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("dinkes", "Dinas Kesehatan"))));
        assertThat(created.code()).isEqualTo(201);
        assertThat(read(created)).containsEntry("slug", "dinkes").containsEntry("status", "active");

        String admin = firstSignIn("admin.dinkes");
        Reply draft = send(as(admin, HttpRequest.POST("/api/v1/tenants/dinkes/posts",
                Map.of("title", "Imunisasi Polio Serentak", "bodyHtml", "<p>Isi <script>x()</script></p>"))));
        assertThat(draft.code()).isEqualTo(201);
        Map<String, Object> post = read(draft);
        assertThat(post).containsEntry("status", "draft").containsEntry("slug", "imunisasi-polio-serentak");
        assertThat((String) post.get("bodyHtml")).doesNotContain("script");

        Reply published = send(as(admin, HttpRequest.POST(
                "/api/v1/tenants/dinkes/posts/" + post.get("id") + "/publish", "")));
        assertThat(published.code()).isEqualTo(200);
        assertThat(read(published)).containsEntry("status", "published").containsKey("firstPublishedAt");
        assertThat(auditCount("tenant.create")).isGreaterThanOrEqualTo(1);
        assertThat(auditCount("post.publish")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_duplicate_slug_is_a_400_naming_the_field_in_indonesian() {
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("dukcapil", "Disdukcapil"))));
        Reply again = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("dukcapil", "Lagi"))));
        assertThat(again.code()).isEqualTo(400);
        assertThat(again.contentType()).hasValue("application/problem+json");
        assertThat(again.body()).contains("\"field\":\"slug\"", "Slug ini sudah dipakai situs lain.");
    }

    @Test
    void every_bad_field_is_named_at_once_and_nothing_is_created() {
        Map<String, Object> body = Map.of("slug", "Bad Slug!", "name", " ", "description", "x".repeat(2001),
                "admin", Map.of("username", "ok.user", "displayName", "Ok", "password", "pendek"));
        Reply response = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", body)));
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"slug\"", "\"field\":\"name\"", "\"field\":\"description\"",
                "\"field\":\"admin.password\"", "Wajib diisi.", "Kata sandi minimal 12 karakter.");
        assertThat(send(as(kominfo, HttpRequest.GET("/api/v1/tenants/bad-slug"))).code()).isEqualTo(404);
    }

    @Test
    void a_password_on_the_common_list_or_made_of_the_agency_name_is_refused() {
        Map<String, Object> common = Map.of("slug", "dpupr", "name", "Dinas Pekerjaan Umum", "admin",
                Map.of("username", "admin.dpupr", "displayName", "Admin", "password", "Bismillah2026"));
        assertThat(send(as(kominfo, HttpRequest.POST("/api/v1/tenants", common))).body())
                .contains("\"field\":\"admin.password\"", "paling sering ditebak");
        Map<String, Object> agency = Map.of("slug", "dpupr", "name", "Dinas Pekerjaan Umum", "admin",
                Map.of("username", "admin.dpupr", "displayName", "Admin", "password", "dpupr-kabupaten-99"));
        assertThat(send(as(kominfo, HttpRequest.POST("/api/v1/tenants", agency))).body())
                .contains("tidak boleh memuat nama atau alamat situs");
    }

    @Test
    void a_new_admin_must_replace_the_initial_password_before_using_the_api() {
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("disdik", "Dinas Pendidikan"))));
        String token = signIn("admin.disdik", ADMIN_PASSWORD);
        Reply refused = send(as(token, HttpRequest.GET("/api/v1/tenants/disdik/posts")));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.body()).contains("masih memakai kata sandi awal");

        Reply wrong = send(as(token, HttpRequest.POST("/api/v1/account/password",
                Map.of("current", "bukan-ini-sandinya", "password", OWN_PASSWORD, "confirmation", "lain"))));
        assertThat(wrong.code()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"current\"", "\"field\":\"confirmation\"");

        assertThat(send(as(token, HttpRequest.POST("/api/v1/account/password",
                Map.of("current", ADMIN_PASSWORD, "password", OWN_PASSWORD, "confirmation", OWN_PASSWORD)))).code()).isEqualTo(204);
        assertThat(send(as(token, HttpRequest.GET("/api/v1/tenants/disdik/posts"))).code()).isEqualTo(200);
        assertThat(send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "admin.disdik", "password", ADMIN_PASSWORD)))
                .code()).isEqualTo(401);
    }

    @Test
    void kominfo_people_sign_in_through_the_api_only_with_a_valid_authenticator_code() {
        Reply noCode = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "kominfo", "password", Fixtures.PASSWORD)));
        assertThat(noCode.code()).isEqualTo(400);
        assertThat(noCode.body()).contains("\"field\":\"code\"", "Kode salah");
        Fixtures.platformUser(accounts, "staf.belum", Role.PLATFORM_STAFF);
        Reply notEnrolled = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "staf.belum", "password", Fixtures.PASSWORD)));
        assertThat(notEnrolled.code()).isEqualTo(403);
        assertThat(notEnrolled.body()).contains("Siapkan dulu aplikasi autentikator melalui konsol");
    }

    @Test
    void an_english_client_gets_english_problem_details() {
        Reply response = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", Map.of("slug", "x")))
                .header("Accept-Language", "en"));
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body()).contains("Required.");
    }

    @Test
    void malformed_json_is_a_400_problem_not_a_500() {
        Reply response = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", "{\"slug\": ")
                .contentType("application/json")));
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body()).contains("bukan JSON yang valid").doesNotContain("Exception", "at id.");
    }

    @Test
    void an_empty_post_title_is_a_400_and_a_non_numeric_post_id_too() {
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("bappeda", "Bappeda"))));
        String admin = firstSignIn("admin.bappeda");
        Reply empty = send(as(admin, HttpRequest.POST("/api/v1/tenants/bappeda/posts", Map.of("title", ""))));
        assertThat(empty.code()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"title\"", "Wajib diisi.");
        assertThat(send(as(admin, HttpRequest.GET("/api/v1/tenants/bappeda/posts/abc"))).code()).isEqualTo(400);
    }

    @Test
    void an_agency_admin_asking_for_another_agencys_post_gets_404_and_the_post_is_unchanged() {
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("dinsos", "Dinas Sosial"))));
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("distan", "Dinas Pertanian"))));
        String dinsos = firstSignIn("admin.dinsos");
        String distan = firstSignIn("admin.distan");
        Object postId = read(send(as(distan, HttpRequest.POST("/api/v1/tenants/distan/posts", Map.of("title", "Panen Raya"))))).get("id");

        for (String path : new String[] {"/api/v1/tenants/dinsos/posts/" + postId, "/api/v1/tenants/distan/posts/" + postId}) {
            assertThat(send(as(dinsos, HttpRequest.GET(path))).code()).as(path).isEqualTo(404);
            assertThat(send(as(dinsos, HttpRequest.POST(path + "/publish", ""))).code()).as(path).isEqualTo(404);
        }
        assertThat(send(as(dinsos, HttpRequest.GET("/api/v1/tenants/distan"))).code()).isEqualTo(404);
        assertThat(read(send(as(distan, HttpRequest.GET("/api/v1/tenants/distan/posts/" + postId))))).containsEntry("status", "draft");
    }

    @Test
    void an_agency_admin_may_not_create_tenants() {
        send(as(kominfo, HttpRequest.POST("/api/v1/tenants", tenantJson("bpbd", "BPBD"))));
        String admin = firstSignIn("admin.bpbd");
        Reply response = send(as(admin, HttpRequest.POST("/api/v1/tenants", tenantJson("liar", "Liar"))));
        assertThat(response.code()).isEqualTo(403);
        assertThat(response.body()).contains("admin platform Kominfo");
    }

    @Test
    void without_a_valid_token_the_api_answers_401() {
        assertThat(send(HttpRequest.GET("/api/v1/tenants")).code()).isEqualTo(401);
        assertThat(send(as("not-a-real-token", HttpRequest.GET("/api/v1/tenants"))).code()).isEqualTo(401);
    }

    @Test
    void a_wrong_password_is_401_and_a_signed_out_token_stops_working() {
        assertThat(send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "kominfo", "password", "salah-sekali-ya")))
                .code()).isEqualTo(401);
        String token = signIn("kominfo", Fixtures.PASSWORD);
        assertThat(send(as(token, HttpRequest.DELETE("/api/v1/sessions/current"))).code()).isEqualTo(204);
        assertThat(send(as(token, HttpRequest.GET("/api/v1/tenants"))).code()).isEqualTo(401);
    }

    @Test
    void repeated_wrong_passwords_are_answered_429_with_retry_after_even_for_the_right_one() {
        Fixtures.platformUser(accounts, "staf.sibuk", Role.PLATFORM_STAFF);
        for (int i = 0; i < 5; i++) {
            send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "staf.sibuk", "password", "tebakan-ke-" + i)));
        }
        Reply throttled = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "staf.sibuk", "password", Fixtures.PASSWORD)));
        assertThat(throttled.code()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.body()).contains("Terlalu banyak percobaan masuk yang gagal");
    }

    @Test
    void a_tenant_created_with_a_designation_letter_mails_an_activation_link_and_never_a_password() {
        Map<String, Object> body = Map.of("slug", "dishub", "name", "Dinas Perhubungan", "kind", "dinas",
                "admin", Map.of("username", "admin.dishub", "displayName", "Admin Dishub", "email", "admin@dishub.contohkab.go.id"),
                "designation", Map.of("letterNumber", "800/7/DISHUB/2026", "letterDate", "2026-03-02",
                        "signerName", "Drs. Sutrisno", "signerTitle", "Kepala Dinas Perhubungan"));
        Reply created = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", body)));
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).contains("\"slug\":\"dishub\"").doesNotContainIgnoringCase("password").doesNotContain("aktivasi");
        String token = mailedToken("admin@dishub.contohkab.go.id", "/admin/aktivasi/");
        assertThat(choosePassword("/admin/aktivasi/" + token, OWN_PASSWORD).code()).isEqualTo(303);
        assertThat(signIn("admin.dishub", OWN_PASSWORD)).isNotBlank();

        // The new admin designates a writer of their team through the API, reads the history, then revokes.
        String dishub = signIn("admin.dishub", OWN_PASSWORD);
        Reply writer = send(as(dishub, HttpRequest.POST("/api/v1/tenants/dishub/designations", Map.of(
                "displayName", "Wati Penulis", "username", "wati.dishub", "email", "wati@dishub.contohkab.go.id",
                "role", "writer", "letterNumber", "800/8/DISHUB/2026", "letterDate", "2026-03-03",
                "signerName", "Drs. Sutrisno", "signerTitle", "Kepala Dinas Perhubungan"))));
        assertThat(writer.code()).isEqualTo(201);
        assertThat(writer.body()).contains("\"role\":\"writer\"", "\"status\":\"active\"", "\"activated\":false");
        assertThat(mailedToken("wati@dishub.contohkab.go.id", "/admin/aktivasi/")).isNotBlank();
        long id = Long.parseLong(writer.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        Reply history = send(as(kominfo, HttpRequest.GET("/api/v1/tenants/dishub/designations")));
        assertThat(history.body()).contains("wati.dishub", "admin.dishub", "800/7/DISHUB/2026").doesNotContain("aktivasi");
        assertThat(send(as(dishub, HttpRequest.POST("/api/v1/tenants/dishub/designations/" + id + "/reissue", Map.of()))).code())
                .isEqualTo(204);
        Reply revoked = send(as(dishub, HttpRequest.POST("/api/v1/tenants/dishub/designations/" + id + "/revoke",
                Map.of("reason", "Salah orang"))));
        assertThat(revoked.code()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"status\":\"revoked\"", "Salah orang");
        assertThat(send(as(dishub, HttpRequest.GET("/api/v1/tenants/dinkes/designations"))).code()).isEqualTo(404);

        Map<String, Object> missing = Map.of("slug", "disperkim", "name", "Dinas Perkim",
                "admin", Map.of("username", "admin.disperkim", "displayName", "Admin"),
                "designation", Map.of("letterDate", "kemarin"));
        Reply refused = send(as(kominfo, HttpRequest.POST("/api/v1/tenants", missing)));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"email\"", "\"field\":\"letterNumber\"", "\"field\":\"letterDate\"",
                "Tanggal tidak valid");
    }

    private static Map<String, Object> tenantJson(String slug, String name) {
        return Map.of("slug", slug, "name", name, "kind", "dinas",
                "admin", Map.of("username", "admin." + slug, "displayName", "Admin " + name,
                        "password", ADMIN_PASSWORD));
    }

    /** Signs in with the initial password and replaces it, as a new admin must before anything else. */
    private String firstSignIn(String username) {
        String token = signIn(username, ADMIN_PASSWORD);
        Reply changed = send(as(token, HttpRequest.POST("/api/v1/account/password",
                Map.of("current", ADMIN_PASSWORD, "password", OWN_PASSWORD, "confirmation", OWN_PASSWORD))));
        assertThat(changed.code()).as("password change of " + username).isEqualTo(204);
        return token;
    }

    private String signIn(String username, String password) {
        Map<String, String> credentials = new java.util.HashMap<>(Map.of("username", username, "password", password));
        if (username.equals("kominfo")) {
            clock.advance(java.time.Duration.ofSeconds(30));
            credentials.put("code", Totp.code(kominfoSecret, Totp.step(clock.instant())));
        }
        Reply response = send(HttpRequest.POST("/api/v1/sessions", credentials));
        assertThat(response.code()).as("sign-in of " + username).isEqualTo(201);
        return (String) read(response).get("token");
    }

    private static <T> MutableHttpRequest<T> as(String token, MutableHttpRequest<T> request) {
        return request.bearerAuth(token);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Reply response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private long auditCount(String action) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.prepareStatement("select count(*) from audit_log where action = ?")) {
            s.setString(1, action);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
