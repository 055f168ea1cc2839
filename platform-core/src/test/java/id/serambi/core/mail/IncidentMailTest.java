package id.serambi.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Gambling spam stopped at the door: Kominfo's platform admins hear of it by mail, through the outbox. */
@MicronautTest(transactional = false)
class IncidentMailTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    @Test
    void a_spam_attempt_queues_a_mail_to_every_platform_admin_with_an_address() throws Exception {
        accounts.createMember(Fixtures.SYSTEM, null, new NewAccount("kominfo", "Admin Kominfo", "admin@kominfo.contohkab.go.id",
                Fixtures.PASSWORD), Role.PLATFORM_ADMIN, false);
        accounts.createMember(Fixtures.SYSTEM, null, new NewAccount("staf", "Staf Kominfo", "staf@kominfo.contohkab.go.id",
                Fixtures.PASSWORD), Role.PLATFORM_STAFF, false);
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        var admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");

        assertThatThrownBy(() -> posts.createDraft(admin, "dinkes",
                new PostDraft("Info", null, "<p>Daftar situs slot gacor maxwin hari ini, deposit pulsa tanpa potongan</p>", null)))
                .isInstanceOf(InvalidInputException.class);

        List<String[]> queued = new ArrayList<>();
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var rs = c.createStatement().executeQuery("select recipient, subject, body_text from mail_outbox order by id")) {
            while (rs.next()) {
                queued.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0)[0]).isEqualTo("admin@kominfo.contohkab.go.id");
        assertThat(queued.get(0)[1]).isEqualTo("[Serambi] Insiden keamanan konten di situs dinkes");
        assertThat(queued.get(0)[2]).contains("Situs: dinkes", "/admin/t/dinkes");
    }
}
