package id.serambi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class TenantLifecycleTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    Actor kominfo;

    @BeforeAll
    void kominfo() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
    }

    @Test
    void a_suspension_without_a_reason_is_refused_and_changes_nothing() {
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        assertThatThrownBy(() -> tenants.changeStatus(kominfo, "dishub", "suspended", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(x -> x.field() + ":" + x.messageKey()).containsExactly("reason:validation.required"));
        assertThat(tenants.get(kominfo, "dishub").status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void suspending_signs_the_agency_team_out_at_once_and_keeps_them_out_until_reactivated() {
        Fixtures.tenantWithAdmin(tenants, "disnaker", "Dinas Tenaga Kerja");
        String token = sessions.open(signedIn("admin-disnaker"), "10.0.0.1", "uji");
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).isPresent();

        tenants.changeStatus(kominfo, "disnaker", "suspended", "Situs disusupi iklan judi online");
        assertThat(sessions.actorFor(token, "10.0.0.1", "uji")).isEmpty();
        assertThat(login("admin-disnaker")).isInstanceOf(LoginResult.Suspended.class);

        tenants.changeStatus(kominfo, "disnaker", "active", "Sudah dibersihkan dan kata sandi diganti");
        assertThat(login("admin-disnaker")).isInstanceOf(LoginResult.SignedIn.class);
    }

    @Test
    void someone_who_also_works_for_another_agency_keeps_their_session_without_the_suspended_roles() throws Exception {
        Fixtures.tenantWithAdmin(tenants, "dispar", "Dinas Pariwisata");
        Tenant disbud = Fixtures.tenantWithAdmin(tenants, "disbud", "Dinas Kebudayaan");
        accounts.createMember(Fixtures.SYSTEM, disbud.id(), new NewAccount("penulis.ganda", "Penulis Ganda", null,
                Fixtures.PASSWORD), Role.WRITER);
        try (var c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            c.createStatement().execute("insert into membership (user_id, tenant_id, role) select u.id, t.id, 'writer' "
                    + "from app_user u, tenant t where u.username = 'penulis.ganda' and t.slug = 'dispar'");
        }
        String token = sessions.open(signedIn("penulis.ganda"), "10.0.0.1", "uji");

        tenants.changeStatus(kominfo, "disbud", "suspended", "Pemeriksaan keamanan");
        Actor writer = sessions.actorFor(token, "10.0.0.1", "uji").orElseThrow();
        assertThat(writer.tenants()).containsOnlyKeys("dispar");
        assertThatThrownBy(() -> posts.createDraft(writer, "disbud", new PostDraft("x", null, "", null)))
                .isInstanceOf(id.serambi.core.support.NotFoundException.class);
    }

    @Test
    void an_archived_site_is_read_only_and_stays_archived() {
        Fixtures.tenantWithAdmin(tenants, "kec-lama", "Kecamatan Lama");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-kec-lama");
        tenants.changeStatus(kominfo, "kec-lama", "archived", "Kecamatan dimekarkan menjadi dua");
        assertThatThrownBy(() -> posts.createDraft(admin, "kec-lama", new PostDraft("Berita baru", null, "", null)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.tenant_read_only"));
        assertThatThrownBy(() -> tenants.changeStatus(kominfo, "kec-lama", "active", "Salah arsip"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("validation.tenant.status_not_allowed"));
    }

    @Test
    void only_kominfos_admins_change_a_sites_status() {
        Fixtures.tenantWithAdmin(tenants, "dlh", "Dinas Lingkungan Hidup");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dlh");
        assertThatThrownBy(() -> tenants.changeStatus(admin, "dlh", "suspended", "Coba-coba"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tenants.get(kominfo, "dlh").status()).isEqualTo(TenantStatus.ACTIVE);
    }

    private id.serambi.core.account.Account signedIn(String username) {
        return ((LoginResult.SignedIn) login(username)).account();
    }

    private LoginResult login(String username) {
        return accounts.authenticate(username, Fixtures.PASSWORD, "10.0.0.1", "uji");
    }
}
