package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SecondFactorService;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.Totp;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import id.serambi.core.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Provisioning over HTTP, console and API: the tenants list, editing a tenant (profile, hosts, logo), teams,
 * platform users and the switcher; and the refusals of people acting outside their tenant or role.
 */
@MicronautTest(environments = "admin", transactional = false)
class ProvisioningTest extends AdminHttpTest {
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject TenantService tenants;
    @Inject PostService posts;
    @Inject TestClock clock;
    @Inject JsonMapper json;

    final Map<String, String> authenticators = new HashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void kominfo() {
        kominfoUser("kominfo", Role.PLATFORM_ADMIN);
        kominfoUser("staf", Role.PLATFORM_STAFF);
    }

    // --- The tenants list -------------------------------------------------------------------------------

    @Test
    void kominfo_lists_tenants_with_hosts_admins_last_post_and_quota_and_can_search_filter_sort_and_page() throws Exception {
        Tenant bapenda = Fixtures.tenantWithAdmin(tenants, "bapenda", "Badan Pendapatan Daerah");
        Fixtures.tenantWithAdmin(tenants, "kec-cibodas", "Kecamatan Cibodas");
        member(bapenda, "penulis.bapenda", Role.TENANT_ADMIN);
        Actor writer = Fixtures.signIn(accounts, sessions, "penulis.bapenda");
        posts.publish(writer, "bapenda", posts.createDraft(writer, "bapenda", new PostDraft("Pajak Kendaraan", null, "<p>x</p>", "news")).id());
        sql("update tenant set kind = 'kecamatan' where slug = 'kec-cibodas'");
        sql("insert into tenant_domain (tenant_id, host) select id, 'bapenda.contohkab.go.id' from tenant where slug = 'bapenda'");
        for (int i = 1; i <= 26; i++) {
            Fixtures.tenantWithAdmin(tenants, String.format("desa-%02d", i), String.format("Desa Contoh %02d", i));
        }
        sql("update tenant set status = 'archived' where slug = 'desa-26'");

        String kominfo = login("kominfo");
        String list = Html.text(get(kominfo, "/admin?q=bapenda").body());
        assertThat(list).contains("Badan Pendapatan Daerah", "bapenda.contohkab.go.id", "Admin Badan Pendapatan Daerah",
                "Uji penulis.bapenda", "1 dari 2").doesNotContain("Kecamatan Cibodas");

        assertThat(Html.text(get(kominfo, "/admin?kind=kecamatan").body())).contains("Kecamatan Cibodas").doesNotContain("Desa Contoh 01");
        assertThat(Html.text(get(kominfo, "/admin?status=archived").body())).contains("Desa Contoh 26", "tidak dihitung")
                .doesNotContain("Desa Contoh 25");

        String firstPage = get(kominfo, "/admin?q=Desa+Contoh").body();
        assertThat(Html.text(firstPage)).contains("Halaman 1 dari 2", "26 situs", "Desa Contoh 25").doesNotContain("Desa Contoh 26");
        assertThat(firstPage).contains("href=\"/admin?q=Desa+Contoh&amp;sort=name&amp;page=2\"");
        assertThat(Html.text(get(kominfo, "/admin?q=Desa+Contoh&sort=name&page=2").body())).contains("Halaman 2 dari 2", "Desa Contoh 26")
                .doesNotContain("Desa Contoh 25");

        String byLastPost = get(kominfo, "/admin?sort=last_post").body();
        assertThat(rowOrder(byLastPost).get(0)).isEqualTo("bapenda");
        // Furthest behind first: two short (by name), then one short, then met; archived (off the quota) last.
        sql("update tenant set quota_min_per_week = 0 where slug = 'desa-02'");
        sql("update tenant set quota_min_per_week = 1 where slug = 'desa-03'");
        List<String> quotaOrder = rowOrder(get(kominfo, "/admin?q=Desa+Contoh&sort=quota").body());
        assertThat(quotaOrder).hasSize(25);
        assertThat(quotaOrder.get(0)).isEqualTo("desa-01");
        assertThat(quotaOrder.subList(22, 25)).containsExactly("desa-25", "desa-03", "desa-02");
        assertThat(rowOrder(get(kominfo, "/admin?q=Desa+Contoh&sort=quota&page=2").body())).containsExactly("desa-26");

        Reply bad = get(kominfo, "/admin?status=hilang&sort=acak&page=nol");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(Html.text(bad.body())).contains("Status tidak dikenal.", "Urutan tidak dikenal",
                "Nomor halaman harus angka bulat", "Badan Pendapatan Daerah");

        Reply api = send(bearer(kominfo, HttpRequest.GET("/api/v1/tenants?q=bapenda")));
        Map<String, Object> page = read(api);
        assertThat(page).containsEntry("total", 1).containsEntry("page", 1).containsEntry("pageSize", 25);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(row).containsEntry("slug", "bapenda").containsEntry("hosts", List.of("bapenda.contohkab.go.id"))
                .containsEntry("quota", Map.of("published", 1, "minimum", 2, "met", false));
        assertThat(row.get("lastPostAt")).isNotNull();
        Reply badApi = send(bearer(kominfo, HttpRequest.GET("/api/v1/tenants?sort=acak")));
        assertThat(badApi.code()).isEqualTo(400);
        assertThat(badApi.contentType()).hasValue("application/problem+json");
        assertThat(badApi.body()).contains("\"field\":\"sort\"", "Urutan tidak dikenal");

        // The list is for Kominfo's roles: staff see it, an agency admin does not.
        assertThat(Html.text(get(login("staf"), "/admin").body())).contains("Badan Pendapatan Daerah");
        assertThat(send(bearer(login("penulis.bapenda"), HttpRequest.GET("/api/v1/tenants"))).code()).isEqualTo(403);
    }

    // --- Editing a tenant ---------------------------------------------------------------------------------

    @Test
    void a_platform_admin_edits_a_tenant_with_before_and_after_in_the_audit_and_a_cache_bump() throws Exception {
        Tenant dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        long generation = generationOf(dinkes);
        String kominfo = login("kominfo");
        String page = get(kominfo, "/admin/t/dinkes/profil").body();
        assertThat(Html.text(page)).contains("Profil Dinas Kesehatan", "Kontak kantor", "Kuota minimum", "Moderasi portal");

        Map<String, String> edit = profileForm(Html.csrfToken(page), "Dinas Kesehatan Kabupaten");
        edit.put("contactPhone", "bukan telepon!");
        edit.put("quotaMinPerWeek", "99");
        edit.put("portalModeration", "bebas");
        Reply refused = send(withSession(kominfo, form("/admin/t/dinkes/profil", encode(edit))));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(Html.text(refused.body())).contains("Nomor telepon hanya boleh", "dari 0 sampai 50", "Mode moderasi tidak dikenal");
        assertThat(generationOf(dinkes)).isEqualTo(generation);

        Reply saved = send(withSession(kominfo, form("/admin/t/dinkes/profil",
                encode(profileForm(Html.csrfToken(page), "Dinas Kesehatan Kabupaten")))));
        assertThat(saved.code()).isEqualTo(303);
        String after = get(kominfo, "/admin/t/dinkes/profil").body();
        assertThat(after).contains("value=\"Jl. Sehat No. 5\"", "value=\"3\"", "<option value=\"pre\" selected>");
        assertThat(after).doesNotContain("id=\"platformMayEdit\" checked");
        assertThat(generationOf(dinkes)).isGreaterThan(generation);
        String detail = scalar("select detail::text from audit_log where action = 'tenant.edit' order by id desc limit 1");
        assertThat(detail).contains("\"name.before\": \"Dinas Kesehatan\"", "\"name.after\": \"Dinas Kesehatan Kabupaten\"",
                "\"quota_min_per_week.after\": \"3\"", "\"platform_may_edit.before\": \"true\"");

        // Through the API, a partial edit keeps what it leaves out.
        Reply patched = send(bearer(kominfo, HttpRequest.PATCH("/api/v1/tenants/dinkes/profile", Map.of("officeHours", "08.00–15.00"))));
        assertThat(patched.code()).isEqualTo(200);
        assertThat(read(patched)).containsEntry("officeHours", "08.00–15.00").containsEntry("contactAddress", "Jl. Sehat No. 5")
                .containsEntry("quotaMinPerWeek", 3).containsEntry("portalModeration", "pre");
    }

    @Test
    void an_agency_admin_may_not_edit_their_own_tenant_nor_see_another_and_nothing_changes() throws Exception {
        Tenant dlh = Fixtures.tenantWithAdmin(tenants, "dlh", "Dinas Lingkungan Hidup");
        Fixtures.tenantWithAdmin(tenants, "dpkp", "Dinas Perumahan");
        member(dlh, "admin2.dlh", Role.TENANT_ADMIN);
        String admin = login("admin2.dlh");
        String csrf = Html.csrfToken(get(admin, "/admin/t/dlh").body());
        assertThat(get(admin, "/admin/t/dlh/profil").code()).isEqualTo(403);
        assertThat(send(withSession(admin, form("/admin/t/dlh/profil", encode(profileForm(csrf, "Diubah"))))).code()).isEqualTo(403);
        assertThat(send(withSession(admin, form("/admin/t/dpkp/profil", encode(profileForm(csrf, "Diubah"))))).code()).isEqualTo(404);
        assertThat(send(withSession(admin, form("/admin/t/dpkp/profil/host", "_csrf=" + csrf + "&host=dpkp.contohkab.go.id"))).code()).isEqualTo(404);
        assertThat(send(bearer(admin, HttpRequest.PATCH("/api/v1/tenants/dpkp/profile", Map.of("name", "Diubah")))).code()).isEqualTo(404);
        assertThat(send(bearer(admin, HttpRequest.POST("/api/v1/tenants/dlh/hosts", Map.of("host", "dlh.contohkab.go.id")))).code()).isEqualTo(403);
        assertThat(scalar("select string_agg(name, ',' order by slug) from tenant where slug in ('dlh', 'dpkp')"))
                .isEqualTo("Dinas Lingkungan Hidup,Dinas Perumahan");
        assertThat(scalar("select count(*) from tenant_domain d join tenant t on t.id = d.tenant_id where t.slug in ('dlh', 'dpkp')"))
                .isEqualTo("0");
    }

    @Test
    void host_names_are_checked_for_syntax_and_unique_across_the_platform() throws Exception {
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        Fixtures.tenantWithAdmin(tenants, "dinsos", "Dinas Sosial");
        String kominfo = login("kominfo");
        String csrf = Html.csrfToken(get(kominfo, "/admin/t/dukcapil/profil").body());
        assertThat(send(withSession(kominfo, form("/admin/t/dukcapil/profil/host", "_csrf=" + csrf + "&host=Dukcapil.ContohKab.go.id"))).code())
                .isEqualTo(303);
        assertThat(get(kominfo, "/admin/t/dukcapil/profil").body()).contains("<td>dukcapil.contohkab.go.id</td>");

        Reply syntax = send(withSession(kominfo, form("/admin/t/dinsos/profil/host", "_csrf=" + csrf + "&host=dinsos_contohkab..go.id")));
        assertThat(syntax.code()).isEqualTo(400);
        assertThat(Html.text(syntax.body())).contains("Nama host tidak valid");
        Reply clash = send(withSession(kominfo, form("/admin/t/dinsos/profil/host", "_csrf=" + csrf + "&host=dukcapil.contohkab.go.id")));
        assertThat(clash.code()).isEqualTo(400);
        assertThat(Html.text(clash.body())).contains("sudah dipakai situs /dukcapil");
        Reply apiClash = send(bearer(kominfo, HttpRequest.POST("/api/v1/tenants/dinsos/hosts", Map.of("host", "dukcapil.contohkab.go.id"))));
        assertThat(apiClash.code()).isEqualTo(400);
        assertThat(apiClash.body()).contains("\"field\":\"host\"");

        assertThat(send(bearer(kominfo, HttpRequest.DELETE("/api/v1/tenants/dukcapil/hosts/dukcapil.contohkab.go.id"))).code()).isEqualTo(200);
        assertThat(send(bearer(kominfo, HttpRequest.POST("/api/v1/tenants/dinsos/hosts", Map.of("host", "dukcapil.contohkab.go.id")))).code())
                .isEqualTo(201);
        assertThat(scalar("select count(*) from audit_log where action in ('tenant.host_add', 'tenant.host_remove')")).isEqualTo("3");
    }

    @Test
    void a_logo_is_accepted_by_its_bytes_not_its_name_and_has_a_size_limit() throws Exception {
        Fixtures.tenantWithAdmin(tenants, "bkpsdm", "BKPSDM");
        String kominfo = login("kominfo");
        String csrf = Html.csrfToken(get(kominfo, "/admin/t/bkpsdm/profil").body());

        Reply fake = send(withSession(kominfo, logoUpload(csrf, "logo.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertThat(fake.code()).isEqualTo(400);
        assertThat(Html.text(fake.body())).contains("Logo harus berupa gambar PNG, JPEG, atau WebP.");
        Reply big = send(withSession(kominfo, logoUpload(csrf, "besar.png", java.util.Arrays.copyOf(PNG, 300 * 1024))));
        assertThat(big.code()).isEqualTo(400);
        assertThat(Html.text(big.body())).contains("terlalu besar");
        Reply huge = send(withSession(kominfo, logoUpload(csrf, "sangat-besar.png", java.util.Arrays.copyOf(PNG, 3 * 1024 * 1024))));
        assertThat(huge.code()).as("past the server's upload limit: refused in words, not a 500").isIn(400, 413);
        assertThat(Html.text(huge.body())).containsAnyOf("terlalu besar", "Berkas yang dikirim terlalu besar");
        assertThat(scalar("select count(*) from tenant_logo")).isEqualTo("0");

        Reply ok = send(withSession(kominfo, logoUpload(csrf, "logo-tanpa-ekstensi", PNG)));
        assertThat(ok.code()).isEqualTo(303);
        assertThat(scalar("select content_type from tenant_logo")).isEqualTo("image/png");
        assertThat(get(kominfo, "/admin/t/bkpsdm/profil").body()).contains("src=\"/admin/t/bkpsdm/profil/logo\"");
        Reply image = get(kominfo, "/admin/t/bkpsdm/profil/logo");
        assertThat(image.code()).isEqualTo(200);
        assertThat(image.contentType()).hasValue("image/png");

        Reply api = send(bearer(kominfo, HttpRequest.PUT("/api/v1/tenants/bkpsdm/logo", "GIF89a-bukan-logo".getBytes(StandardCharsets.UTF_8))
                .contentType("image/png")));
        assertThat(api.code()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"logo\"");
    }

    // --- Teams ----------------------------------------------------------------------------------------

    @Test
    void an_agency_admin_grants_changes_and_removes_roles_and_removal_ends_the_persons_sessions() throws Exception {
        Tenant bpbd = Fixtures.tenantWithAdmin(tenants, "bpbd", "BPBD");
        member(bpbd, "kepala.bpbd", Role.TENANT_ADMIN);
        freeAccount("budi");
        String admin = login("kepala.bpbd");
        String page = get(admin, "/admin/t/bpbd/tim").body();
        assertThat(Html.text(page)).contains("Tim BPBD", "Admin BPBD", "Uji kepala.bpbd", "Beri peran");
        String csrf = Html.csrfToken(page);

        Reply unknown = send(withSession(admin, form("/admin/t/bpbd/tim", "_csrf=" + csrf + "&username=tidak.ada&role=editor")));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(Html.text(unknown.body())).contains("Tidak ada akun dengan nama pengguna ini");

        assertThat(send(withSession(admin, form("/admin/t/bpbd/tim", "_csrf=" + csrf + "&username=budi&role=writer"))).code()).isEqualTo(303);
        String budi = login("budi");
        assertThat(get(budi, "/admin/t/bpbd").code()).isEqualTo(200);

        assertThat(send(withSession(admin, form("/admin/t/bpbd/tim/ubah", "_csrf=" + csrf + "&username=budi&from=writer&to=editor"))).code())
                .isEqualTo(303);
        assertThat(get(budi, "/admin/t/bpbd").code()).as("a changed role ends the session").isEqualTo(401);
        assertThat(Html.text(get(admin, "/admin/t/bpbd/tim").body())).contains("Editor / redaktur");
        budi = login("budi");

        assertThat(send(withSession(admin, form("/admin/t/bpbd/tim/cabut", "_csrf=" + csrf + "&username=budi&role=editor"))).code())
                .isEqualTo(303);
        assertThat(get(budi, "/admin").code()).isEqualTo(401);
        assertThat(scalar("select count(*) from membership m join app_user u on u.id = m.user_id where u.username = 'budi'")).isEqualTo("0");
        assertThat(scalar("select string_agg(action, ',' order by id) from audit_log where subject_id = 'budi' and action like 'team.%'"))
                .isEqualTo("team.grant,team.change,team.revoke");

        // Over the API too.
        assertThat(send(bearer(admin, HttpRequest.POST("/api/v1/tenants/bpbd/team", Map.of("username", "budi", "role", "complaint_officer"))))
                .code()).isEqualTo(204);
        assertThat(send(bearer(admin, HttpRequest.GET("/api/v1/tenants/bpbd/team"))).body()).contains("\"complaint_officer\"");
        assertThat(send(bearer(admin, HttpRequest.DELETE("/api/v1/tenants/bpbd/team/budi/roles/complaint_officer"))).code()).isEqualTo(204);
    }

    @Test
    void the_last_admin_of_a_tenant_cannot_be_removed() throws Exception {
        Tenant satpol = Fixtures.tenantWithAdmin(tenants, "satpolpp", "Satpol PP");
        sql("delete from membership where user_id = (select id from app_user where username = 'admin-satpolpp')");
        member(satpol, "kasat", Role.TENANT_ADMIN);
        String admin = login("kasat");
        String csrf = Html.csrfToken(get(admin, "/admin/t/satpolpp/tim").body());
        Reply refused = send(withSession(admin, form("/admin/t/satpolpp/tim/cabut", "_csrf=" + csrf + "&username=kasat&role=tenant_admin")));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(Html.text(refused.body())).contains("Ini admin situs terakhir");
        Reply viaChange = send(bearer(admin, HttpRequest.POST("/api/v1/tenants/satpolpp/team/kasat/role", Map.of("from", "tenant_admin", "to", "editor"))));
        assertThat(viaChange.code()).isEqualTo(400);
        assertThat(viaChange.body()).contains("Ini admin situs terakhir");
        assertThat(get(admin, "/admin/t/satpolpp").code()).isEqualTo(200);
    }

    @Test
    void an_agency_admin_cannot_manage_another_agencys_team_and_an_editor_cannot_manage_their_own() throws Exception {
        Tenant a = Fixtures.tenantWithAdmin(tenants, "diskominfo-a", "Situs A");
        Tenant b = Fixtures.tenantWithAdmin(tenants, "situs-b", "Situs B");
        member(a, "admin.a", Role.TENANT_ADMIN);
        member(a, "editor.a", Role.EDITOR);
        member(b, "penulis.b", Role.WRITER);
        String adminA = login("admin.a");
        String csrf = Html.csrfToken(get(adminA, "/admin/t/diskominfo-a/tim").body());
        assertThat(get(adminA, "/admin/t/situs-b/tim").code()).isEqualTo(404);
        assertThat(send(withSession(adminA, form("/admin/t/situs-b/tim", "_csrf=" + csrf + "&username=admin.a&role=tenant_admin"))).code())
                .isEqualTo(404);
        assertThat(send(withSession(adminA, form("/admin/t/situs-b/tim/cabut", "_csrf=" + csrf + "&username=penulis.b&role=writer"))).code())
                .isEqualTo(404);
        assertThat(send(bearer(adminA, HttpRequest.DELETE("/api/v1/tenants/situs-b/team/penulis.b/roles/writer"))).code()).isEqualTo(404);
        // A platform role cannot be handed out from a tenant's team page.
        Reply platformRole = send(withSession(adminA, form("/admin/t/diskominfo-a/tim", "_csrf=" + csrf + "&username=editor.a&role=platform_admin")));
        assertThat(platformRole.code()).isEqualTo(400);

        String editor = login("editor.a");
        String editorCsrf = Html.csrfToken(get(editor, "/admin/t/diskominfo-a").body());
        assertThat(get(editor, "/admin/t/diskominfo-a/tim").code()).isEqualTo(403);
        assertThat(send(withSession(editor, form("/admin/t/diskominfo-a/tim", "_csrf=" + editorCsrf + "&username=editor.a&role=tenant_admin"))).code())
                .isEqualTo(403);
        assertThat(scalar("select string_agg(u.username || ':' || m.role, ',' order by u.username, m.role) from membership m "
                + "join app_user u on u.id = m.user_id where m.tenant_id = " + b.id().value()))
                .isEqualTo("admin-situs-b:tenant_admin,penulis.b:writer");
        assertThat(scalar("select string_agg(m.role, ',' order by m.role) from membership m join app_user u on u.id = m.user_id "
                + "where u.username = 'editor.a'")).isEqualTo("editor");
    }

    // --- Platform users --------------------------------------------------------------------------------

    @Test
    void a_platform_admin_grants_and_removes_platform_roles_and_disables_accounts_ending_their_sessions() throws Exception {
        kominfoUser("koordinator", Role.COORDINATOR);
        String kominfo = login("kominfo");
        String coordinator = login("koordinator");
        String page = get(kominfo, "/admin/pengguna").body();
        assertThat(Html.text(page)).contains("Pengguna Kominfo", "Uji koordinator", "Koordinator");
        String csrf = Html.csrfToken(page);

        assertThat(send(withSession(kominfo, form("/admin/pengguna", "_csrf=" + csrf + "&username=koordinator&role=platform_staff"))).code())
                .isEqualTo(303);
        assertThat(send(withSession(kominfo, form("/admin/pengguna/cabut", "_csrf=" + csrf + "&username=koordinator&role=coordinator"))).code())
                .isEqualTo(303);
        assertThat(get(coordinator, "/admin").code()).as("role removal ends sessions").isEqualTo(401);
        coordinator = login("koordinator");

        Reply noReason = send(withSession(kominfo, form("/admin/pengguna/nonaktifkan", "_csrf=" + csrf + "&username=koordinator&reason=")));
        assertThat(noReason.code()).isEqualTo(400);
        assertThat(send(withSession(kominfo, form("/admin/pengguna/nonaktifkan", "_csrf=" + csrf + "&username=koordinator&reason=Pindah+tugas"))).code())
                .isEqualTo(303);
        assertThat(get(coordinator, "/admin").code()).isEqualTo(401);
        assertThat(send(form("/admin/login", "username=koordinator&password=" + Fixtures.PASSWORD)).code()).isEqualTo(401);
        assertThat(Html.text(get(kominfo, "/admin/pengguna").body())).contains("nonaktif");

        Reply self = send(withSession(kominfo, form("/admin/pengguna/nonaktifkan", "_csrf=" + csrf + "&username=kominfo&reason=coba")));
        assertThat(self.code()).isEqualTo(400);
        assertThat(Html.text(self.body())).contains("tidak dapat menonaktifkan akun Anda sendiri");
        Reply last = send(bearer(kominfo, HttpRequest.DELETE("/api/v1/platform-users/kominfo/roles/platform_admin")));
        assertThat(last.code()).isEqualTo(400);
        assertThat(last.body()).contains("admin platform aktif terakhir");

        assertThat(send(bearer(kominfo, HttpRequest.POST("/api/v1/platform-users/koordinator/enable", ""))).code()).isEqualTo(204);
        assertThat(send(bearer(kominfo, HttpRequest.GET("/api/v1/platform-users"))).body()).contains("\"koordinator\"", "\"platform_staff\"");
        assertThat(scalar("select string_agg(action, ',' order by id) from audit_log where subject_id = 'koordinator' "
                + "and (action like 'team.%' or action like 'account.%able')"))
                .isEqualTo("team.grant,team.revoke,account.disable,account.enable");
    }

    @Test
    void platform_staff_and_agency_admins_may_not_manage_platform_users() throws Exception {
        Tenant disperkim = Fixtures.tenantWithAdmin(tenants, "disperkim", "Disperkim");
        member(disperkim, "admin.disperkim", Role.TENANT_ADMIN);
        String staff = login("staf");
        assertThat(get(staff, "/admin/pengguna").code()).isEqualTo(403);
        String csrf = Html.csrfToken(get(staff, "/admin").body());
        assertThat(send(withSession(staff, form("/admin/pengguna", "_csrf=" + csrf + "&username=staf&role=platform_admin"))).code()).isEqualTo(403);
        String agency = login("admin.disperkim");
        assertThat(send(bearer(agency, HttpRequest.POST("/api/v1/platform-users", Map.of("username", "admin.disperkim", "role", "platform_admin"))))
                .code()).isEqualTo(403);
        assertThat(scalar("select count(*) from membership m join app_user u on u.id = m.user_id "
                + "where u.username in ('staf', 'admin.disperkim') and m.role = 'platform_admin'")).isEqualTo("0");
    }

    // --- Several tenants ----------------------------------------------------------------------------------

    @Test
    void someone_in_two_agencies_chooses_between_them_and_cannot_switch_into_a_third() {
        Tenant one = Fixtures.tenantWithAdmin(tenants, "disbud", "Dinas Kebudayaan");
        Tenant two = Fixtures.tenantWithAdmin(tenants, "dispora", "Dinas Pemuda dan Olahraga");
        Fixtures.tenantWithAdmin(tenants, "dinkop", "Dinas Koperasi");
        member(one, "rina", Role.EDITOR);
        accounts.createMember(Fixtures.SYSTEM, two.id(), new NewAccount("rina-dua", "x", null, Fixtures.PASSWORD), Role.WRITER, false);
        sql("update membership set user_id = (select id from app_user where username = 'rina') "
                + "where user_id = (select id from app_user where username = 'rina-dua')");
        String rina = login("rina");
        Reply home = get(rina, "/admin");
        assertThat(home.code()).isEqualTo(200);
        assertThat(Html.text(home.body())).contains("Situs saya", "Dinas Kebudayaan", "Dinas Pemuda dan Olahraga", "Editor / redaktur", "Penulis");
        assertThat(home.body()).contains("id=\"tenant-switcher\"", "<option value=\"dispora\">");

        Reply switched = get(rina, "/admin/pindah?ke=dispora");
        assertThat(switched.code()).isEqualTo(303);
        assertThat(switched.header("Location")).isEqualTo("/admin/t/dispora");
        assertThat(get(rina, "/admin/pindah?ke=dinkop").code()).isEqualTo(404);
        assertThat(send(bearer(rina, HttpRequest.GET("/api/v1/account/tenants"))).body())
                .contains("\"slug\":\"disbud\"", "\"slug\":\"dispora\"").doesNotContain("dinkop");
    }

    @Test
    void the_new_pages_read_in_english_on_request() {
        Fixtures.tenantWithAdmin(tenants, "inspektorat", "Inspektorat");
        String kominfo = login("kominfo");
        assertThat(Html.text(get(kominfo, "/admin?lang=en&q=inspektorat").body()))
                .contains("Search name or slug", "Quota this week", "0 of 2", "Page 1 of 1");
        assertThat(Html.text(get(kominfo, "/admin/t/inspektorat/profil?lang=en").body()))
                .contains("Profile of Inspektorat", "Office contact", "Portal moderation", "Host names");
        assertThat(Html.text(get(kominfo, "/admin/t/inspektorat/tim?lang=en").body())).contains("Team of Inspektorat", "Give role");
        assertThat(Html.text(get(kominfo, "/admin/pengguna?lang=en").body())).contains("Kominfo users", "Disable");
        assertThat(Html.text(get(kominfo, "/admin?lang=en&sort=sideways").body())).contains("Unknown order");
    }

    // --- Lifecycle ------------------------------------------------------------------------------------

    @Test
    void an_archived_tenant_is_read_only_for_its_team_and_every_status_change_needs_a_reason() throws Exception {
        Tenant arsip = Fixtures.tenantWithAdmin(tenants, "bappeda", "Bappeda");
        member(arsip, "admin.bappeda", Role.TENANT_ADMIN);
        String kominfo = login("kominfo");
        Reply noReason = send(bearer(kominfo, HttpRequest.POST("/api/v1/tenants/bappeda/status", Map.of("status", "archived", "reason", " "))));
        assertThat(noReason.code()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(send(bearer(kominfo, HttpRequest.POST("/api/v1/tenants/bappeda/status",
                Map.of("status", "archived", "reason", "Digabung dengan Bapperida")))).code()).isEqualTo(200);
        assertThat(scalar("select detail->>'reason' from audit_log where action = 'tenant.status' and tenant_id = " + arsip.id().value()))
                .isEqualTo("Digabung dengan Bapperida");
        assertThat(send(bearer(kominfo, HttpRequest.POST("/api/v1/tenants/bappeda/status", Map.of("status", "active", "reason", "coba")))).code())
                .as("archived is final").isEqualTo(400);

        // Its team may still sign in and read, but neither write nor change the team.
        String admin = login("admin.bappeda");
        assertThat(get(admin, "/admin/t/bappeda").code()).isEqualTo(200);
        assertThat(send(bearer(admin, HttpRequest.POST("/api/v1/tenants/bappeda/posts", Map.of("title", "Tetap menulis")))).code())
                .isEqualTo(403);
        Reply team = send(bearer(admin, HttpRequest.POST("/api/v1/tenants/bappeda/team", Map.of("username", "staf", "role", "editor"))));
        assertThat(team.code()).isEqualTo(403);
        assertThat(team.body()).contains("diarsipkan");
        assertThat(scalar("select count(*) from post where tenant_id = " + arsip.id().value())).isEqualTo("0");
        assertThat(scalar("select count(*) from membership where tenant_id = " + arsip.id().value())).isEqualTo("2");
    }

    @Test
    void suspending_one_of_two_agencies_keeps_the_persons_session_without_that_agencys_roles() {
        Tenant one = Fixtures.tenantWithAdmin(tenants, "disdag", "Dinas Perdagangan");
        Tenant two = Fixtures.tenantWithAdmin(tenants, "distanak", "Dinas Peternakan");
        member(one, "wati", Role.WRITER);
        accounts.createMember(Fixtures.SYSTEM, two.id(), new NewAccount("wati-dua", "x", null, Fixtures.PASSWORD), Role.WRITER, false);
        sql("update membership set user_id = (select id from app_user where username = 'wati') "
                + "where user_id = (select id from app_user where username = 'wati-dua')");
        String wati = login("wati");
        assertThat(get(wati, "/admin").body()).contains("id=\"tenant-switcher\"");
        tenants.changeStatus(Fixtures.SYSTEM, "distanak", "suspended", "Pemeriksaan keamanan");

        Reply home = get(wati, "/admin");
        assertThat(home.code()).as("still signed in: the other agency is active").isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/admin/t/disdag");
        assertThat(get(wati, "/admin/t/distanak").code()).isEqualTo(404);
        assertThat(get(wati, "/admin/pindah?ke=distanak").code()).isEqualTo(404);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void kominfoUser(String username, Role role) {
        Fixtures.platformUser(accounts, username, role);
        Actor actor = Fixtures.signIn(accounts, sessions, username);
        String secret = secondFactor.enrolmentSecret(actor);
        secondFactor.confirmEnrolment(actor, Totp.code(secret, Totp.step(clock.instant())));
        authenticators.put(username, secret);
    }

    private void member(Tenant tenant, String username, Role role) {
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount(username, "Uji " + username, null, Fixtures.PASSWORD), role, false);
    }

    /** An account with no role yet (as after an earlier job elsewhere). */
    private void freeAccount(String username) {
        Tenant holder = tenants.findBySlug("bpbd").orElseThrow();
        member(holder, username, Role.WRITER);
        sql("delete from membership where user_id = (select id from app_user where username = '" + username + "')");
    }

    private String login(String username) {
        Reply response = send(form("/admin/login", "username=" + username + "&password=" + Fixtures.PASSWORD));
        assertThat(response.code()).as("login of " + username).isEqualTo(303);
        String session = response.sessionCookie().map(Cookie::getValue).orElseThrow();
        if ("/admin/2fa".equals(response.header("Location"))) {
            clock.advance(java.time.Duration.ofSeconds(30));
            String code = Totp.code(authenticators.get(username), Totp.step(clock.instant()));
            Reply passed = send(withSession(session, form("/admin/2fa", "_csrf=" + Html.csrfToken(get(session, "/admin/2fa").body()) + "&code=" + code)));
            assertThat(passed.code()).as("second factor of " + username).isEqualTo(303);
        }
        return session;
    }

    private Reply get(String session, String path) {
        return send(withSession(session, HttpRequest.GET(path)));
    }

    private static <T> MutableHttpRequest<T> bearer(String token, MutableHttpRequest<T> request) {
        return request.bearerAuth(token);
    }

    private static MutableHttpRequest<MultipartBody> logoUpload(String csrf, String filename, byte[] bytes) {
        MultipartBody body = MultipartBody.builder().addPart("_csrf", csrf)
                .addPart("logo", filename, MediaType.IMAGE_PNG_TYPE, bytes).build();
        return HttpRequest.POST("/admin/t/bkpsdm/profil/logo", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private static Map<String, String> profileForm(String csrf, String name) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", name);
        form.put("kind", "dinas");
        form.put("description", "Layanan kesehatan masyarakat.");
        form.put("contactAddress", "Jl. Sehat No. 5");
        form.put("contactPhone", "(0266) 221-100");
        form.put("contactEmail", "dinkes@contohkab.go.id");
        form.put("officeHours", "");
        form.put("quotaMinPerWeek", "3");
        form.put("portalModeration", "pre");
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static List<String> rowOrder(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr data-slug=\"([^\"]+)\"").matcher(html);
        List<String> slugs = new java.util.ArrayList<>();
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Reply response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private long generationOf(Tenant tenant) throws SQLException {
        return Long.parseLong(scalar("select generation from cache_generation where scope = '" + tenant.id().cacheScope() + "'"));
    }

    private String scalar(String query) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(query, e);
        }
    }

    private void sql(String statement) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
    }
}
