package id.serambi.deploy.demo;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.POST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jooq.DSLContext;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.quota.QuotaWeek;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.SlugRules;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.deploy.StartupException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The demo district "Kabupaten Contoh": twelve agencies with their admins, a platform admin and a coordinator,
 * and eight weeks of news in which some agencies keep the twice-weekly quota and some do not. Created once,
 * on the first start of a data directory.
 */
@Singleton
@Requires(env = "demo")
public class DemoDistrict {
    static final int WEEKS = 8;
    static final String PLATFORM_ADMIN = "admin";
    static final String COORDINATOR = "bupati";
    private static final Actor DEMO = Actor.system("demo");
    private static final SecureRandom PASSWORDS = new SecureRandom();

    private final TenantService tenants;
    private final AccountService accounts;
    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone;
    private final DemoModeration moderation;
    private final DemoReading reading;
    private final DemoComplaints complaints;
    private final DemoQuota quota;

    DemoDistrict(TenantService tenants, AccountService accounts, DSLContext db, Clock clock, ZoneId zone,
                 DemoModeration moderation, DemoReading reading, DemoComplaints complaints, DemoQuota quota) {
        this.moderation = moderation;
        this.reading = reading;
        this.complaints = complaints;
        this.quota = quota;
        this.tenants = tenants;
        this.accounts = accounts;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** Seeds the district if this database has none yet; returns the sign-ins either way. */
    @Transactional
    public DemoCredentials ensureSeeded(Path dataDir) {
        Path file = dataDir.resolve(DemoCredentials.FILE_NAME);
        if (tenants.findBySlug(DemoAgencies.ALL.get(0).slug()).isPresent()) {
            if (!Files.exists(file)) {
                throw new StartupException("The data directory " + dataDir + " holds a demo district, but its sign-in "
                        + "file " + DemoCredentials.FILE_NAME + " is gone, and Serambi never stores passwords it could "
                        + "show again. Start the demo with a new --data directory.");
            }
            return DemoCredentials.read(file);
        }
        List<DemoCredentials.Entry> entries = new ArrayList<>();
        entries.add(account(PLATFORM_ADMIN, "Admin Portal Kominfo", Role.PLATFORM_ADMIN, "Admin platform (Kominfo)"));
        entries.add(account(COORDINATOR, "Bupati Kabupaten Contoh", Role.COORDINATOR, "Koordinator (Bupati)"));
        boolean first = true;
        for (DemoAgencies.Agency agency : DemoAgencies.ALL) {
            String username = "admin." + agency.slug();
            String password = randomPassword();
            Tenant tenant = tenants.createWithFirstAdmin(DEMO,
                    new NewTenant(agency.slug(), agency.name(), agency.kind(), agency.description()),
                    new NewAccount(username, "Admin " + agency.shortName(), null, password));
            entries.add(new DemoCredentials.Entry("Admin situs " + agency.shortName(), username, password, first));
            insertHistory(tenant, agency);
            // Demo sign-ins are for trying the platform out, not handed to a person: no forced change.
            db.update(APP_USER).set(APP_USER.MUST_CHANGE_PASSWORD, false).where(APP_USER.USERNAME.eq(username)).execute();
            first = false;
        }
        reading.seed(DemoAgencies.ALL);
        entries.addAll(moderation.seed(new id.serambi.core.account.UserId(db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.USERNAME.eq(COORDINATOR)).fetchSingle(APP_USER.ID)), "Bupati Kabupaten Contoh", randomPassword()));
        entries.addAll(complaints.seed(tenants.findBySlug(DemoComplaints.SLUG).orElseThrow().id(), DemoDistrict::randomPassword));
        quota.seed();
        DemoCredentials credentials = new DemoCredentials(entries, file);
        credentials.write();
        return credentials;
    }

    private DemoCredentials.Entry account(String username, String name, Role role, String label) {
        String password = randomPassword();
        accounts.createMember(DEMO, null, new NewAccount(username, name, null, password), role, false);
        return new DemoCredentials.Entry(label, username, password, true);
    }

    /**
     * Eight weeks of published posts, back-dated as if they had been published then. They go straight into
     * the table because no workflow publishes in the past; everything after this uses the services.
     */
    private void insertHistory(Tenant tenant, DemoAgencies.Agency agency) {
        Random random = new Random(agency.slug().hashCode());
        Instant now = clock.instant();
        QuotaWeek week = QuotaWeek.containing(now, zone);
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < WEEKS; i++) {
            week = i == 0 ? week : week.previous();
            int count = agency.postsInWeek(random);
            for (int n = 0; n < count; n++) {
                OffsetDateTime at = week.start().plusDays(random.nextInt(5)).plusHours(8 + random.nextInt(8))
                        .plusMinutes(random.nextInt(60)).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                if (at.toInstant().isAfter(now)) {
                    at = OffsetDateTime.ofInstant(now.minusSeconds(60L * (n + 1)), ZoneOffset.UTC);
                }
                DemoAgencies.Story story = agency.story(random);
                db.insertInto(POST)
                        .set(POST.TENANT_ID, tenant.id().value())
                        .set(POST.KIND, story.kind())
                        .set(POST.STATUS, "published")
                        .set(POST.TITLE, story.title())
                        .set(POST.SLUG, uniqueSlug(slugs, story.title()))
                        .set(POST.SUMMARY, story.summary())
                        .set(POST.BODY_HTML, story.bodyHtml())
                        .set(POST.FIRST_PUBLISHED_AT, at)
                        .set(POST.PUBLISHED_AT, at)
                        .set(POST.CREATED_AT, at)
                        .set(POST.UPDATED_AT, at)
                        .execute();
            }
        }
    }

    private static String uniqueSlug(Set<String> used, String title) {
        String base = SlugRules.fromTitle(title);
        String slug = base;
        for (int n = 2; !used.add(slug); n++) {
            slug = SlugRules.withSuffix(base, n);
        }
        return slug;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        PASSWORDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
