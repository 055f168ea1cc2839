package id.serambi.deploy.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.serambi.core.access.Actor;
import id.serambi.core.access.Grant;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.disposition.DispositionService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantEdit;
import id.serambi.core.tenant.TenantProvisioningService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Moderation and coordination in the demo (issue 5): a second coordinator (the Sekda), the sub-district office
 * under pre-moderation with one post waiting for Kominfo's approval, and a disposition from the Bupati to it.
 */
@Singleton
@Requires(env = "demo")
class DemoModeration {
    static final String PRE_MODERATED = "kec-sukamaju";
    static final String SECOND_COORDINATOR = "sekda";
    static final String WAITING_TITLE = "Gotong Royong Bersih Desa Sukamaju";
    private static final Actor DEMO = Actor.system("demo");

    private final AccountService accounts;
    private final TenantProvisioningService provisioning;
    private final PostService posts;
    private final DispositionService dispositions;
    private final Clock clock;
    private final ZoneId zone;

    DemoModeration(AccountService accounts, TenantProvisioningService provisioning, PostService posts,
                   DispositionService dispositions, Clock clock, ZoneId zone) {
        this.accounts = accounts;
        this.provisioning = provisioning;
        this.posts = posts;
        this.dispositions = dispositions;
        this.clock = clock;
        this.zone = zone;
    }

    /** Seeds the moderation demo inside the district's seeding transaction; returns the sign-ins it adds. */
    List<DemoCredentials.Entry> seed(UserId bupati, String bupatiName, String password) {
        accounts.createMember(DEMO, null, new NewAccount(SECOND_COORDINATOR, "Sekretaris Daerah Kabupaten Contoh", null,
                password), Role.COORDINATOR, false);
        TenantEdit now = TenantEdit.of(provisioning.profile(DEMO, PRE_MODERATED));
        provisioning.edit(DEMO, PRE_MODERATED, new TenantEdit(now.name(), now.kind(), now.description(),
                now.contactAddress(), now.contactPhone(), now.contactEmail(), now.officeHours(), now.quotaMinPerWeek(),
                "pre", true));
        var draft = posts.createDraft(DEMO, PRE_MODERATED, new PostDraft(WAITING_TITLE,
                "Warga dan perangkat kecamatan membersihkan saluran air menjelang musim hujan.",
                "<p>Ratusan warga Kecamatan Sukamaju bergotong royong membersihkan saluran air dan selokan desa "
                        + "menjelang musim hujan.</p>", null));
        posts.publish(DEMO, PRE_MODERATED, draft.id());
        Actor theBupati = new Actor(bupati, DemoDistrict.COORDINATOR, bupatiName,
                List.of(new Grant(Role.COORDINATOR, null, null, null)), null, null);
        dispositions.send(theBupati, PRE_MODERATED, "Kesiapsiagaan banjir musim hujan",
                "Mohon laporkan kesiapan posko dan jalur evakuasi banjir di wilayah kecamatan.",
                LocalDate.now(clock.withZone(zone)).plusDays(7).toString());
        return List.of(new DemoCredentials.Entry("Koordinator (Sekda)", SECOND_COORDINATOR, password, false));
    }
}
