package id.serambi.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as an XLSX workbook: a cover sheet "Laporan" (title, district, whom, period) and one sheet per
 * section. Whole numbers are written as numbers so the sheet can sum them; everything else as text, which a
 * spreadsheet never runs as a formula.
 */
public final class ReportXlsx {
    private ReportXlsx() {
    }

    public static byte[] render(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Serambi", "1.0");
            Worksheet cover = workbook.newWorksheet("Laporan");
            cover.value(0, 0, report.title());
            cover.style(0, 0).bold().fontSize(14).set();
            String[][] facts = {{"Kabupaten/Kota", report.district()}, {"Cakupan", report.scopeName()},
                    {"Periode", report.periodLabel()}, {"Dibuat", report.generatedAtText()}};
            for (int i = 0; i < facts.length; i++) {
                cover.value(i + 2, 0, facts[i][0]);
                cover.value(i + 2, 1, facts[i][1]);
            }
            cover.width(0, 18);
            cover.width(1, 60);
            Set<String> names = new HashSet<>(Set.of("Laporan"));
            for (ReportSection section : report.sections()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(section.title(), names));
                sheet.value(0, 0, section.title());
                sheet.style(0, 0).bold().set();
                for (int c = 0; c < section.header().size(); c++) {
                    sheet.value(1, c, section.header().get(c));
                    sheet.style(1, c).bold().fillColor("DDDDDD").set();
                    sheet.width(c, c == 0 ? 36 : 16);
                }
                int r = 2;
                for (var row : section.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        String cell = row.get(c);
                        if (cell != null && cell.matches("-?\\d{1,9}")) {
                            sheet.value(r, c, Integer.parseInt(cell));
                        } else {
                            sheet.value(r, c, cell);
                        }
                    }
                    r++;
                }
                for (String note : section.notes()) {
                    sheet.value(++r, 0, note);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and unique in the workbook. */
    static String sheetName(String title, Set<String> taken) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        base = base.length() > 31 ? base.substring(0, 31).strip() : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = (base.length() > 28 ? base.substring(0, 28) : base) + " " + i;
        }
        return name;
    }
}
