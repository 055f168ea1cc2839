package id.serambi.core.report;

import java.util.List;

/**
 * One part of a report: a title, a table (header and rows of text, already formatted in Indonesian) and
 * optional notes explaining it. Every renderer shows the same sections in the same order.
 */
public record ReportSection(String key, String title, List<String> header, List<List<String>> rows, List<String> notes) {
    public ReportSection {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        notes = List.copyOf(notes);
    }
}
