package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The district home stays light for a reader on a slow connection even in a district with 200 agencies, each with
 * a long name (as long as the longest real SKPD names), a long profile text, a recent post and a complaints
 * service: HTML and CSS together under 100 KB before images, uncompressed.
 */
@MicronautTest(environments = "portal", transactional = false)
class HomeWeightTest extends DatabaseTest {
    private static final int AGENCIES = 200;
    private static final String LONG_PROFILE = "Melaksanakan urusan pemerintahan daerah di bidang pelayanan publik, "
            + "perencanaan, pengendalian dan evaluasi program, serta pembinaan aparatur dan pengelolaan keuangan "
            + "sesuai ketentuan peraturan perundang-undangan yang berlaku di Kabupaten Contoh.";

    @Inject @Client("/") HttpClient http;

    @BeforeAll
    void aDistrictWith200AgenciesThatAllPublish() {
        DirectSql.query(database, db -> {
            db.execute("insert into tenant (slug, name, description) select 'dinas-pemberdayaan-masyarakat-' || n, "
                    + "'Dinas Pemberdayaan Masyarakat dan Desa Wilayah ' || n, ? from generate_series(1, ?) n",
                    LONG_PROFILE, AGENCIES);
            // Every agency takes complaints online, so every entry carries its complaints link (the heaviest case).
            db.execute("insert into complaint_settings (tenant_id, enabled) select id, true from tenant");
            return db.execute("insert into post (tenant_id, kind, status, title, slug, summary, body_html, "
                    + "first_published_at, published_at) select id, 'news', 'published', "
                    + "'Rapat koordinasi percepatan penurunan angka stunting di kecamatan ' || id, 'rapat-' || id, "
                    + "'Ringkasan kegiatan rapat koordinasi lintas sektor bersama puskesmas dan pemerintah desa.', "
                    + "'<p>Isi.</p>', now() - id * interval '1 hour', now() - id * interval '1 hour' from tenant");
        });
    }

    @Test
    void the_home_page_html_and_css_stay_under_100_kb_with_200_agencies() {
        String home = http.toBlocking().retrieve("/");
        String css = http.toBlocking().retrieve("/assets/portal.css");
        assertThat(home.split("class=\"agency-entry\"", -1)).hasSize(AGENCIES + 1);
        assertThat(home.split("/pengaduan\">", -1)).hasSize(AGENCIES + 1);
        // A long profile text is cut to a summary in the directory; the agency's own site shows it whole.
        assertThat(home).doesNotContain(LONG_PROFILE).contains("Melaksanakan urusan pemerintahan daerah");
        int bytes = home.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + css.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(bytes).as("home HTML + CSS bytes").isLessThan(100 * 1024);
    }
}
