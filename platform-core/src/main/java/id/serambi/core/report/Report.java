package id.serambi.core.report;

import java.time.OffsetDateTime;
import java.util.List;

/** A report made once and rendered as CSV, XLSX and PDF: whose it is, for when, and its sections. */
public record Report(String title, String district, String scopeName, ReportScope scope, ReportPeriod period,
                     String periodLabel, OffsetDateTime generatedAt, String generatedAtText, List<ReportSection> sections) {
    public Report {
        sections = List.copyOf(sections);
    }

    /** A file name without extension: "laporan-kuota-dinkes-2026-11". */
    public String fileName() {
        return "laporan-" + (scope.isDistrict() ? "kabupaten" : scope.tenantSlug()) + "-" + period.code().toLowerCase(java.util.Locale.ROOT);
    }
}
