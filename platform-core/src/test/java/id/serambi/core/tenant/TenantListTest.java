package id.serambi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.support.InvalidInputException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The tenants list at district scale: one statement per page, whatever the number of tenants and posts. */
@MicronautTest(transactional = false)
class TenantListTest extends DatabaseTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TenantListTest.class);

    static final int TENANTS = 400;
    static final int POSTS_PER_TENANT = 25;

    @Inject TenantProvisioningService provisioning;
    @Inject DSLContext db;

    final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    void aDistrict() throws SQLException {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            var s = c.createStatement();
            s.execute("insert into tenant (slug, name, kind) select 'situs-' || i, 'Situs ' || lpad(i::text, 3, '0'), "
                    + "case when i % 4 = 0 then 'kecamatan' else 'dinas' end from generate_series(1, " + TENANTS + ") i");
            s.execute("insert into tenant_domain (tenant_id, host) select id, slug || '.contohkab.go.id' from tenant");
            s.execute("insert into app_user (username, display_name) select 'admin-' || slug, 'Admin ' || name from tenant");
            s.execute("insert into membership (user_id, tenant_id, role) select u.id, t.id, 'tenant_admin' "
                    + "from tenant t join app_user u on u.username = 'admin-' || t.slug");
            // Posts spread over the last 50 days, so some count this week and some do not.
            s.execute("insert into post (tenant_id, title, slug, status, kind, first_published_at, published_at) "
                    + "select t.id, 'Berita ' || n, 'berita-' || n, 'published', 'news', now() - (n * 2 || ' days')::interval, "
                    + "now() - (n * 2 || ' days')::interval from tenant t, generate_series(0, " + (POSTS_PER_TENANT - 1) + ") n");
            s.execute("analyze");
        }
        db.configuration().set(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        }));
    }

    @Test
    void a_page_of_the_list_is_one_statement_and_quick_at_district_scale() {
        List<Long> millis = new ArrayList<>();
        provisioning.search(Fixtures.SYSTEM, TenantListQuery.DEFAULT); // warm-up: class loading, the first plan
        for (TenantSort sort : TenantSort.values()) {
            statements.set(0);
            long start = System.nanoTime();
            TenantListPage page = provisioning.search(Fixtures.SYSTEM, new TenantListQuery(null, null, null, sort, 3));
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(statements.get()).as("statements for one page sorted by " + sort).isEqualTo(1);
            assertThat(page.total()).isEqualTo(TENANTS);
            assertThat(page.rows()).hasSize(TenantListQuery.PAGE_SIZE);
            assertThat(page.rows()).allSatisfy(r -> {
                assertThat(r.hosts()).containsExactly(r.slug() + ".contohkab.go.id");
                assertThat(r.admins()).containsExactly("Admin " + r.name());
                assertThat(r.lastPostAt()).isNotNull();
                assertThat(r.quota().published()).isBetween(0, 4);
            });
        }
        LOG.info(String.format("Tenants list, %d tenants × %d posts: page 3 by name/last_post/quota in %s ms",
                TENANTS, POSTS_PER_TENANT, millis));

        statements.set(0);
        TenantListPage kecamatan = provisioning.search(Fixtures.SYSTEM,
                TenantListQuery.parse("situs 00", "active", "kecamatan", "name", "1"));
        assertThat(kecamatan.rows()).extracting(TenantSummary::slug).containsExactly("situs-4", "situs-8");
        assertThat(kecamatan.total()).isEqualTo(2);
        TenantListPage pastTheEnd = provisioning.search(Fixtures.SYSTEM, TenantListQuery.parse(null, null, null, null, "999"));
        assertThat(pastTheEnd.rows()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(TENANTS);
    }

    @Test
    void the_search_treats_like_wildcards_as_plain_characters() {
        assertThat(provisioning.search(Fixtures.SYSTEM, TenantListQuery.parse("%", null, null, null, null)).total()).isZero();
        assertThat(provisioning.search(Fixtures.SYSTEM, TenantListQuery.parse("_", null, null, null, null)).total()).isZero();
    }

    @Test
    void query_parameters_it_cannot_understand_are_refused_with_field_errors() {
        assertThatThrownBy(() -> TenantListQuery.parse("x".repeat(101), "hidup", "kabupaten", "acak", "-1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + ":" + f.messageKey())
                        .containsExactly("q:validation.too_long", "status:validation.tenant.status_unknown",
                                "kind:validation.kind.unknown", "sort:validation.tenants.sort_unknown", "page:validation.tenants.page"));
        assertThat(TenantListQuery.parse(" ", "", null, "", "")).isEqualTo(TenantListQuery.DEFAULT);
        assertThatThrownBy(() -> TenantListQuery.parse(null, null, null, null, "99999999999")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void host_names_and_logo_types() {
        assertThat(HostNames.normalise(" Dukcapil.ContohKab.go.id. ")).isEqualTo("dukcapil.contohkab.go.id");
        assertThat(HostNames.check("host", "dukcapil.contohkab.go.id")).isEmpty();
        assertThat(HostNames.check("host", "xn--80ak6aa92e.com")).isEmpty();
        for (String bad : new String[] {"localhost", "-dukcapil.go.id", "dukcapil-.go.id", "dukcapil..go.id", "10.0.0.1",
                "dukcapil_kab.go.id", "http://dukcapil.go.id", "a".repeat(64) + ".go.id", "dukcapil.go.id/berita"}) {
            assertThat(HostNames.check("host", bad)).as(bad).isPresent();
        }
        assertThat(LogoImages.detectType(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})).hasValue("image/png");
        assertThat(LogoImages.detectType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).hasValue("image/jpeg");
        assertThat(LogoImages.detectType("RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).hasValue("image/webp");
        assertThat(LogoImages.detectType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
        assertThat(LogoImages.detectType("GIF89a".getBytes())).isEmpty();
        assertThat(LogoImages.detectType(new byte[0])).isEmpty();
    }
}
