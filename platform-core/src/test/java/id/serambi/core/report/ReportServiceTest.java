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
import id.serambi.core.account.Role;
import id.serambi.core.disposition.Disposition;
import id.serambi.core.disposition.DispositionService;
import id.serambi.core.moderation.ModerationService;
import id.serambi.core.post.PostId;
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
    @Inject ModerationService moderation;
    @Inject DispositionService dispositions;

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
        moderationAndDispositions(dinkes, pupr);
        now("2026-12-02T10:00");
    }

    /**
     * Kominfo's moderation and a coordinator's dispositions, through the services, in time order; posts from
     * October (W44) so that the November quota figures above stay as they are.
     */
    private void moderationAndDispositions(Tenant dinkes, Tenant pupr) {
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        Fixtures.platformUser(accounts, "bupati", Role.COORDINATOR);
        Actor staff = Fixtures.signIn(accounts, sessions, "staf-kominfo");
        Actor bupati = Fixtures.signIn(accounts, sessions, "bupati");
        Actor dinkesAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Actor puprAdmin = Fixtures.signIn(accounts, sessions, "admin-pupr");
        PostId x = new PostId(post(dinkes, "news", "2026-10-28T09:00"));
        PostId y = new PostId(post(pupr, "news", "2026-10-28T09:00"));
        PostId z = new PostId(post(pupr, "news", "2026-10-28T10:00", "pending"));

        now("2026-10-20T09:00");
        Disposition d0 = dispositions.send(bupati, "pupr", "Data jalan rusak", "Kirim data jalan rusak.", "2026-10-25");
        now("2026-10-21T09:00");
        dispositions.acknowledge(puprAdmin, "pupr", d0.id());
        now("2026-10-30T09:00");
        moderation.act(staff, "pupr", y, "hide", "Foto belum disamarkan");        // October: not in November
        now("2026-11-02T09:00");
        Disposition d1 = dispositions.send(bupati, "dinkes", "Jadwal vaksinasi", "Umumkan jadwal vaksinasi.", "2026-11-10");
        now("2026-11-03T09:00");
        dispositions.acknowledge(dinkesAdmin, "dinkes", d1.id());
        now("2026-11-04T09:00");
        dispositions.answer(puprAdmin, "pupr", d0.id(), "Data terlampir.");       // late, answered in November
        now("2026-11-05T09:00");
        moderation.act(staff, "dinkes", x, "hide", "Judul menyesatkan");
        now("2026-11-06T09:00");
        moderation.act(staff, "dinkes", x, "restore", "Judul sudah diperbaiki");
        now("2026-11-09T09:00");
        dispositions.answer(dinkesAdmin, "dinkes", d1.id(), "Sudah diumumkan.");
        now("2026-11-12T09:00");
        moderation.act(staff, "dinkes", x, "delete", "Terbit ganda");
        now("2026-11-13T09:00");
        moderation.act(staff, "dinkes", x, "restore", "Bukan duplikat");
        now("2026-11-16T09:00");
        dispositions.send(bupati, "pupr", "Laporan banjir", "Laporkan titik banjir.", "2026-11-25");   // never answered
        now("2026-11-19T09:00");
        moderation.act(staff, "pupr", z, "approve", "Sesuai pedoman");
        now("2026-11-20T09:00");
        dispositions.close(dinkesAdmin, "dinkes", d1.id());
        moderation.act(staff, "pupr", y, "restore", "Foto sudah disamarkan");
        now("2026-11-21T09:00");
        moderation.act(staff, "pupr", y, "remove", "Spam judi daring");
        now("2026-11-27T09:00");
        dispositions.send(bupati, "dinkes", "Rekap kegiatan", "Kirim rekap kegiatan.", "2026-12-05");  // not yet due
    }

    @Test
    void moderation_actions_and_dispositions_appear_in_every_format() throws Exception {
        Report report = reports.district(Fixtures.SYSTEM, "2026-11");
        // Situs, approve, hide, remove, revise, delete, restore, dismiss, total
        List<String> dinkesActions = List.of("Dinas dinkes", "0", "1", "0", "0", "1", "2", "0", "4");
        List<String> puprActions = List.of("Dinas pupr", "1", "0", "1", "0", "0", "1", "0", "3");
        List<String> allActions = List.of("Jumlah", "1", "1", "1", "0", "1", "3", "0", "7");
        // Situs, sent, answered, closed, overdue at the end of November
        List<String> dinkesDispositions = List.of("Dinas dinkes", "2", "1", "1", "0");
        List<String> puprDispositions = List.of("Dinas pupr", "1", "1", "0", "1");
        List<String> allDispositions = List.of("Jumlah", "3", "2", "1", "1");
        List<String> overdue = List.of("Dinas pupr", "Laporan banjir", "2026-11-16", "2026-11-25", "6", "Uji bupati");
        List<String> hidden = List.of("2026-11-05 09.00", "Dinas dinkes", "Berita 2026-10-28T09:00", "Sembunyikan dari portal",
                "Judul menyesatkan", "Uji staf-kominfo");

        List<List<String>> csv = CsvReader.parse(ReportCsv.render(report)).stream().map(CsvReader.Row::cells).toList();
        assertThat(csv).contains(List.of("Situs", "Setujui untuk portal", "Sembunyikan dari portal", "Turunkan di semua tempat",
                "Revisi oleh Kominfo", "Hapus", "Pulihkan", "Abaikan tanda", "Jumlah"));
        assertThat(csv).contains(dinkesActions, puprActions, allActions, dinkesDispositions, puprDispositions,
                allDispositions, overdue, hidden);
        assertThat(csv).noneMatch(row -> row.contains("Foto belum disamarkan"));   // October's action stays out

        Map<String, List<List<String>>> sheets = xlsx(ReportXlsx.render(report));
        assertThat(sheets.keySet()).containsSubsequence("Minggu tidak memenuhi kuota", "Tindakan moderasi",
                "Rincian tindakan moderasi", "Disposisi", "Disposisi terlambat", "Insiden keamanan konten");
        assertThat(sheets.get("Tindakan moderasi")).contains(dinkesActions, puprActions, allActions);
        assertThat(sheets.get("Rincian tindakan moderasi")).hasSize(2 + 7).contains(hidden);
        assertThat(sheets.get("Disposisi")).contains(dinkesDispositions, puprDispositions, allDispositions);
        assertThat(sheets.get("Disposisi terlambat")).containsExactly(
                List.of("Disposisi terlambat"),
                List.of("Situs", "Perihal", "Dikirim", "Tenggat", "Hari terlambat", "Pengirim"), overdue);

        String pdf = PdfText.extract(ReportPdf.render(report), PdfText.Limits.DEFAULT).text().replaceAll("\\s+", " ");
        assertThat(pdf).contains("Tindakan moderasi", "Jumlah tindakan moderasi: 7.", "Dinas dinkes 0 1 0 0 1 2 0 4",
                "Dinas pupr 1 0 1 0 0 1 0 3", "Jumlah 3 2 1 1", "Dinas pupr 1 1 0 1", "Laporan banjir");
    }

    @Test
    void an_agency_s_weekly_report_counts_only_its_own_moderation_and_dispositions() throws Exception {
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Report week = reports.tenant(admin, "dinkes", "2026-W46");   // 9–15 November
        List<List<String>> csv = CsvReader.parse(ReportCsv.render(week)).stream().map(CsvReader.Row::cells).toList();
        assertThat(csv).contains(List.of("Dinas dinkes", "0", "0", "0", "0", "1", "1", "0", "2"));
        assertThat(csv).contains(List.of("Dinas dinkes", "0", "1", "0", "0"));
        assertThat(csv).noneMatch(row -> row.contains("Dinas pupr"));
        assertThat(csv).contains(List.of("Tidak ada disposisi yang terlambat pada akhir periode."));
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
                "Minggu tidak memenuhi kuota", "Tindakan moderasi", "Rincian tindakan moderasi", "Disposisi",
                "Disposisi terlambat", "Insiden keamanan konten");
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
