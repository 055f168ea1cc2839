package id.serambi.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as one CSV file: the heading lines (title, district, whom, period, made at), then each section as
 * its title line, its header and rows, and a blank line. Cells pass through {@link Csv}'s formula guard.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(Csv.line(List.of(report.title())));
        out.append(Csv.line(List.of("Kabupaten/Kota", report.district())));
        out.append(Csv.line(List.of("Cakupan", report.scopeName())));
        out.append(Csv.line(List.of("Periode", report.periodLabel())));
        out.append(Csv.line(List.of("Dibuat", report.generatedAtText())));
        for (ReportSection section : report.sections()) {
            out.append("\r\n");
            out.append(Csv.line(List.of(section.title())));
            out.append(Csv.line(section.header()));
            section.rows().forEach(row -> out.append(Csv.line(row)));
            for (String note : section.notes()) {
                out.append(Csv.line(new ArrayList<>(List.of(note))));
            }
        }
        return out.toString();
    }
}
