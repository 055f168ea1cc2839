package id.serambi.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.quota.QuotaScenario;
import id.serambi.core.safety.PdfText;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The monthly report of November 2026 (weeks W45–W48, whose Thursdays fall in November) for the district and
 * for one agency, opened as CSV, XLSX and PDF: the same figures in each.
 */
@MicronautTest(transactional = false)
class ReportServiceTest extends QuotaScenario {
    @Inject ReportService reports;
    @Inject AccountService accounts;
    @Inject SessionService sessions;

    @Override
    protected String zone() {
        return "Asia/Jakarta";
    }

    @BeforeAll
    void district() {
        Tenant dinkes = tenant("dinkes", "2026-01-05T08:00");
        Tenant pupr = tenant("pupr", "2026-01-05T08:00");
        post(dinkes, "news", "2026-11-03T09:00");
        post(dinkes, "news", "2026-11-04T09:00");    // W45 met
        post(dinkes, "news", "2026-11-10T09:00");    // W46 partly
        post(dinkes, "news", "2026-11-17T09:00");
        post(dinkes, "announcement", "2026-11-18T09:00"); // W47 met; W48 missed
        post(pupr, "news", "2026-11-24T09:00");      // pupr: W45–W47 missed, W48 partly
        post(dinkes, "news", "2026-10-29T09:00");    // W44 (Thursday in October): not in the November report
        sql("insert into security_incident (tenant_id, kind, stage, detail, found_at, found_by_label) values (?, 'gambling_spam', 'publish', '{}'::jsonb, ?::timestamptz, 'admin-pupr')",
                pupr.id().value(), "2026-11-20T10:00+07");
        now("2026-12-02T10:00");
    }

    @Test
    void the_district_report_in_three_formats_carries_the_same_figures() throws Exception {
        Report report = reports.district(Fixtures.SYSTEM, "2026-11");
        assertThat(report.title()).isEqualTo("Laporan Bulanan Portal Pemerintah Kabupaten Contoh");
        assertThat(report.periodLabel()).isEqualTo("November 2026");

        // CSV
        List<List<String>> csv = CsvReader.parse(ReportCsv.render(report)).stream().map(CsvReader.Row::cells).toList();
        assertThat(csv.get(0)).containsExactly("Laporan Bulanan Portal Pemerintah Kabupaten Contoh");
        assertThat(csv).contains(List.of("Periode", "November 2026"), List.of("Kabupaten/Kota", "Kabupaten Contoh"));
        assertThat(csv).contains(List.of("Dinas dinkes", "2", "5", "4", "2", "1", "1", "0", "50%"));
        assertThat(csv).contains(List.of("Dinas pupr", "2", "1", "4", "0", "1", "3", "0", "0%"));
        assertThat(csv).contains(List.of("2026-W45", "2026-11-02 s.d. 2026-11-08", "2", "1", "0", "1", "0"));
        assertThat(csv).contains(List.of("2026-W48", "2026-11-23 s.d. 2026-11-29", "1", "0", "1", "1", "0"));
        assertThat(csv).contains(List.of("Dinas dinkes", "2026-W48", "2026-11-23 s.d. 2026-11-29", "0", "2", "Tidak terpenuhi"));
        assertThat(csv).contains(List.of("2026-11-20 10.00", "Dinas pupr", "Spam judi daring", "Terbit", "admin-pupr"));

        // XLSX
        Map<String, List<List<String>>> sheets = xlsx(ReportXlsx.render(report));
        assertThat(sheets.keySet()).containsExactly("Laporan", "Kepatuhan kuota terbit", "Berita per minggu (kabupaten)",
                "Minggu tidak memenuhi kuota", "Insiden keamanan konten");
        assertThat(sheets.get("Laporan")).contains(List.of("Periode", "November 2026"));
        assertThat(sheets.get("Kepatuhan kuota terbit")).contains(List.of("Dinas dinkes", "2", "5", "4", "2", "1", "1", "0", "50%"));
        assertThat(sheets.get("Minggu tidak memenuhi kuota")).hasSize(2 + 6);   // title, header, 6 weeks not met (dinkes 2, pupr 4)
        assertThat(sheets.get("Insiden keamanan konten")).contains(List.of("2026-11-20 10.00", "Dinas pupr", "Spam judi daring", "Terbit", "admin-pupr"));

        // PDF
        PdfText.Result pdf = PdfText.extract(ReportPdf.render(report), PdfText.Limits.DEFAULT);
        String text = pdf.text().replaceAll("\\s+", " ");
        assertThat(text).contains("Laporan Bulanan Portal Pemerintah Kabupaten Contoh", "Periode: November 2026",
                "Dinas dinkes 2 5 4 2 1 1 0 50%", "Dinas pupr 2 1 4 0 1 3 0 0%", "Jumlah insiden: 1");
    }

    @Test
    void an_agency_admin_gets_their_own_weekly_report_and_nobody_else_s() throws Exception {
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Report week = reports.tenant(admin, "dinkes", "2026-W46");
        assertThat(week.scopeName()).isEqualTo("Dinas dinkes");
        List<List<String>> csv = CsvReader.parse(ReportCsv.render(week)).stream().map(CsvReader.Row::cells).toList();
        assertThat(csv).contains(List.of("2026-W46", "2026-11-09 s.d. 2026-11-15", "1", "2", "Sebagian", ""));
        assertThat(csv).contains(List.of("Dinas dinkes", "2", "1", "1", "0", "1", "0", "0", "0%"));
        assertThat(csv).doesNotContain(List.of("2026-11-20 10.00", "Dinas pupr", "Spam judi daring", "Terbit", "admin-pupr"));
        assertThat(xlsx(ReportXlsx.render(week)).get("Berita per minggu"))
                .contains(List.of("2026-W46", "2026-11-09 s.d. 2026-11-15", "1", "2", "Sebagian"));

        Report half = reports.tenant(admin, "dinkes", "2026-H2");
        assertThat(half.title()).startsWith("Laporan Semesteran");
        assertThat(PdfText.extract(ReportPdf.render(half), PdfText.Limits.DEFAULT).text()).contains("Semester II 2026");

        assertThatThrownBy(() -> reports.tenant(admin, "pupr", "2026-11")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.district(admin, "2026-11")).isInstanceOf(id.serambi.core.support.AccessDeniedException.class);
        assertThatThrownBy(() -> reports.tenant(admin, "dinkes", "2026-W60")).isInstanceOf(InvalidInputException.class);
    }

    private static Map<String, List<List<String>>> xlsx(byte[] bytes) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<String>> rows = sheet.read().stream().map(ReportServiceTest::cells).collect(Collectors.toList());
                sheets.put(sheet.getName(), rows);
            }
            return sheets;
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getCellText(i));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
