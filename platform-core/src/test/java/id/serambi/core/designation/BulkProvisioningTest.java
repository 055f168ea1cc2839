package id.serambi.core.designation;

import static id.serambi.core.jooq.public_.Tables.DESIGNATION;
import static id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class BulkProvisioningTest extends DatabaseTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkProvisioningTest.class);

    static final String HEADER = "\uFEFFNama Perangkat Daerah;Slug;Jenis;Nama Admin;Email Admin;Nomor Surat;Tanggal Surat\r\n";
    @Inject BulkProvisioning bulk;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    Actor kominfo;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.mail.enabled", "false");
    }

    @BeforeAll
    void people() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        Fixtures.platformUser(accounts, "staf", Role.PLATFORM_STAFF);
        kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
    }

    @Test
    void fifty_agencies_go_through_in_one_run_each_with_its_designated_admin_and_activation_mail() {
        int tenantsBefore = count(TENANT);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 50; i++) {
            csv.append("\"Kelurahan Contoh ").append(i).append(", Kecamatan Kota\";kel-").append(i).append(";kelurahan;Lurah ")
                    .append(i).append(";admin").append(i).append("@kel.contohkab.go.id;800/").append(i).append("/KEL/2026;0")
                    .append(1 + i % 9).append("/03/2026\r\n");
        }
        var dry = bulk.check(kominfo, csv.toString());
        assertThat(dry.ok()).as(dry.rows().stream().filter(r -> !r.ok()).toList().toString()).isTrue();
        assertThat(dry.rows()).hasSize(50);
        assertThat(count(TENANT)).as("a dry run writes nothing").isEqualTo(tenantsBefore);

        long started = System.nanoTime();
        var run = bulk.run(kominfo, csv.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(run.created()).isTrue();
        assertThat(count(TENANT)).isEqualTo(tenantsBefore + 50);
        assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(DESIGNATION, DESIGNATION.LETTER_NUMBER.like("%/KEL/2026")))).isEqualTo(50);
        assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.like("%@kel.contohkab.go.id")))).isEqualTo(50);
        assertThat(millis).as("50 rows in one go").isLessThan(30_000);
        LOG.info("bulk provisioning of 50 rows took " + millis + " ms");
    }

    @Test
    void a_dry_run_names_line_column_and_reason_and_a_real_run_with_one_bad_row_creates_nothing() {
        String csv = HEADER
                + "Dinas Sosial;dinsos;dinas;Admin Dinsos;admin@dinsos.contohkab.go.id;800/1/DINSOS/2026;2026-02-01\r\n"
                + "Dinas Salah;Dinas Salah!;planet;Admin;bukan-email;;31/02/2026\r\n"
                + "Dinas Sosial Dua;dinsos;dinas;Admin Dua;admin@dinsos.contohkab.go.id;800/2/DINSOS/2026;2026-02-01\r\n";
        int tenantsBefore = count(TENANT);
        var dry = bulk.check(kominfo, csv);
        assertThat(dry.ok()).isFalse();
        assertThat(dry.rows().get(0).ok()).isTrue();
        var bad = dry.rows().get(1);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.problems()).extracting(BulkProvisioning.Problem::column)
                .contains("slug", "jenis", "email_admin", "nomor_surat", "tanggal_surat");
        assertThat(dry.rows().get(2).problems()).extracting(BulkProvisioning.Problem::messageKey).contains("bulk.duplicate_in_file");

        var run = bulk.run(kominfo, csv);
        assertThat(run.created()).isFalse();
        assertThat(count(TENANT)).as("all or nothing").isEqualTo(tenantsBefore);
    }

    @Test
    void a_file_without_the_required_columns_is_refused_as_a_whole_and_only_platform_admins_may_import() {
        var report = bulk.check(kominfo, "nama,slug\nDinas,dinas\n");
        assertThat(report.fileProblems()).extracting(BulkProvisioning.Problem::messageKey).contains("bulk.column_missing");
        Actor staf = Fixtures.signIn(accounts, sessions, "staf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk.check(staf, HEADER))
                .isInstanceOf(AccessDeniedException.class);
    }

    private int count(org.jooq.Table<?> table) {
        return DirectSql.query(database, db -> db.fetchCount(table));
    }
}
